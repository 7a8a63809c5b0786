// The one shape of an options section that is saved with a button: a boxed fieldset with its
// legend, its fields, a sentence of help and the save row. A field with a problem is marked
// (aria-invalid), says what is wrong right under it and takes the focus.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { t } from '../../../shared/i18n/i18n.ts';
import { fieldProblem, SaveStatus, type SaveStatusHandle } from './SaveStatus.tsx';

interface SettingsFormProps {
  legend: string;
  status: SaveStatusHandle;
  onSave: () => void;
  help?: string;
  children: ReactNode;
}

export function SettingsForm({ legend, status, onSave, help, children }: SettingsFormProps) {
  return (
    <form noValidate onSubmit={(event) => {
      event.preventDefault();
      onSave();
    }}>
      <fieldset>
        <legend>{legend}</legend>
        {children}
        {help && <p className="muted">{help}</p>}
        <div className="row">
          <button type="submit" className="primary">{t('panel.save')}</button>
          <SaveStatus status={status} />
        </div>
      </fieldset>
    </form>
  );
}

/** What a field's control needs to be labelled and to carry its problem. */
export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  name: string;
  label: string;
  status: SaveStatusHandle;
  wide?: boolean;
  /** Draws the input, select or textarea with the given props. */
  control: (props: ControlProps) => ReactNode;
}

export function Field({ name, label, status, wide = false, control }: FieldProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const problem = fieldProblem(status, name);
  useEffect(() => {
    if (problem !== null) box.current?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`)?.focus();
  }, [status.state, problem, name]);
  return (
    <div ref={box} className={`field${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control({ id, name, 'aria-invalid': problem === null ? undefined : true, 'aria-describedby': problem === null ? undefined : `${id}-problem` })}
      {problem !== null && <span id={`${id}-problem`} className="field-problem" role="alert">{problem}</span>}
    </div>
  );
}
