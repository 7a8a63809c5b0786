// "Page not understood": responses and pages the adapters could not read, so nothing is lost
// silently. The reason is stored as text or as a catalog key; t() gives text back unchanged.
import { useLiveQuery } from 'dexie-react-hooks';
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { formatInstant } from '../../../ui/format.ts';

const SHOWN = 10;

export function CaptureProblems() {
  const problems = useLiveQuery(() => db.captureProblems.orderBy('seenAt').reverse().limit(SHOWN).toArray(), []);
  const total = useLiveQuery(() => db.captureProblems.count(), []);
  if (!problems || problems.length === 0) return null;
  const locale = getLocale();
  return (
    <details className="notice warning">
      <summary>{t('panel.problems.title', { count: total ?? problems.length })}</summary>
      <p>{t('panel.problems.explain')}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.id}>
            <strong>{problem.site}</strong> · {formatInstant(problem.seenAt, locale)} · {t('panel.problems.records', { count: problem.count })}
            <span className="ellipsis" title={problem.url}>{problem.url}</span>
            <span>{t(problem.reason)}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void db.captureProblems.clear()}>{t('panel.problems.clear')}</button>
    </details>
  );
}
