// The form for one procedure's publication record. Nothing is stored until every field reads well;
// a bad field gets one message naming it, and what is already stored stays as it was.
import { useRef, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { formatCalendarDate } from '../../../ui/format.ts';
import { InputProblem, publicationDateFields, publicationFromFields, type PublicationForm as FormValues } from './publicationInput.ts';
import { problemText } from './problemText.ts';
import { keepDecisionNumber, savePublications } from './publicationStore.ts';

interface Props {
  form: FormValues;
  onChange: (form: FormValues) => void;
  onSaved: (message: string) => void;
}

export function PublicationForm({ form, onChange, onSaved }: Props) {
  const [problem, setProblem] = useState<{ text: string; field: unknown } | null>(null);
  const formElement = useRef<HTMLFormElement>(null);
  const code = form.procedureCode.trim();
  const firstSeen = useLiveQuery(() => (code === '' ? undefined : db.procedureFirstSeen.get(code)), [code]);
  const set = (field: keyof FormValues, value: string) => onChange({ ...form, [field]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const record = await keepDecisionNumber(publicationFromFields(form));
      await savePublications([record]);
      setProblem(null);
      onSaved(t('panel.publication.savedOne', { code: record.procedureCode }));
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
      setProblem({ text: problemText(error), field: error.params.field });
      // The field to fix gets the focus; the message is announced by its alert role.
      const field = error.params.field;
      if (typeof field === 'string') formElement.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();
    }
  };

  const textField = (field: keyof FormValues, wide = false, required = false) => (
    <label className={`field${wide ? ' wide' : ''}`} key={field}>
      <span>{t(`panel.publication.field.${field}`)}{required ? ' *' : ''}</span>
      <input
        name={field}
        value={form[field]}
        required={required}
        aria-invalid={problem?.field === field}
        aria-describedby={problem?.field === field ? 'publication-form-problem' : undefined}
        placeholder={field.endsWith('Date') ? 'dd/mm/yyyy' : undefined}
        inputMode={field.endsWith('Date') ? 'numeric' : undefined}
        onChange={(event) => set(field, event.target.value)}
      />
    </label>
  );

  return (
    <form ref={formElement} className="card stack" onSubmit={(event) => void submit(event)} aria-labelledby="publication-form-title" noValidate>
      <h2 id="publication-form-title" className="visually-hidden">{t('panel.publication.formTitle')}</h2>
      <p className="muted">{t('panel.publication.dateHint')}</p>
      <div className="form-grid">
        {textField('procedureCode', false, true)}
        {textField('procedureName')}
        {publicationDateFields.map((field) => textField(field, false, field === 'publicationDate'))}
      </div>
      {firstSeen && (
        <p className="notice info">
          {t('panel.publication.firstSeen', { date: formatCalendarDate(firstSeen.firstSeenOn, getLocale()) })}{' '}
          <button type="button" className="link" onClick={() => set('provincialSystemDate', firstSeen.firstSeenOn)}>
            {t('panel.publication.useFirstSeen')}
          </button>
        </p>
      )}
      {problem && <p id="publication-form-problem" className="notice error" role="alert">{problem.text}</p>}
      <div className="row">
        <button type="submit" className="primary">{t('panel.save')}</button>
      </div>
    </form>
  );
}
