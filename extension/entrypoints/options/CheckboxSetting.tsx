// One on/off setting in its own fieldset, saved as soon as it changes, with its explanation.
import { useId } from 'react';
import { SaveStatus, useSaveStatus } from './SaveStatus.tsx';

interface CheckboxSettingProps {
  name: string;
  legend: string;
  label: string;
  help: string;
  checked: boolean;
  save(checked: boolean): Promise<void>;
}

export function CheckboxSetting({ name, legend, label, help, checked, save }: CheckboxSettingProps) {
  const helpId = useId();
  const status = useSaveStatus();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label className="check">
        <input
          name={name}
          type="checkbox"
          checked={checked}
          aria-describedby={helpId}
          onChange={(event) => {
            const value = event.target.checked;
            status.run(() => save(value));
          }}
        />
        {label}
      </label>
      <SaveStatus status={status} />
      <p id={helpId} className="muted">{help}</p>
    </fieldset>
  );
}
