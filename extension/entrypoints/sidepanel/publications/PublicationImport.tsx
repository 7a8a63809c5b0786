// Import publication records from a JSON or CSV file (the CLI `check` columns). The whole file is
// checked first; one bad row means nothing is stored and the row is named.
import { useId, useState, type ChangeEvent } from 'react';
import { t } from '../../../../shared/i18n/i18n.ts';
import { publicationsFromFile } from './publicationFile.ts';
import { InputProblem } from './publicationInput.ts';
import { problemText } from './problemText.ts';
import { savePublications } from './publicationStore.ts';

export function PublicationImport({ onImported }: { onImported: (message: string) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        throw new InputProblem('panel.import.unreadable');
      }
      const records = publicationsFromFile(file.name, text);
      await savePublications(records);
      setProblem(null);
      onImported(t('panel.import.done', { count: records.length, file: file.name }));
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
      setProblem(problemText(error, file.name));
    } finally {
      // The same file can be chosen again after it is fixed.
      input.value = '';
    }
  };
  return (
    <section className="card stack" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="visually-hidden">{t('panel.import.title')}</h2>
      <p className="muted">{t('panel.import.hint')}</p>
      <label className="field">
        <span>{t('panel.import.file')}</span>
        <input id={inputId} type="file" accept=".json,.csv,application/json,text/csv" onChange={(event) => void importFile(event)} />
      </label>
      {problem && <p className="notice error" role="alert">{problem}</p>}
    </section>
  );
}
