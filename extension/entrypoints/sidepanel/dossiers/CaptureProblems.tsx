// "Page not understood": responses and pages the adapters could not read, so nothing is lost
// silently. The reason is stored as text or as a catalog key; t() gives text back unchanged.
// A response of which nothing was read keeps its shape report (keys, types, date formats, no
// values): the officer copies it into a message to whoever maintains the adapters.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import type { CaptureProblem } from '../../../db/database.ts';
import { db } from '../../../ui/pageDatabase.ts';
import { formatInstant } from '../../../ui/format.ts';

const SHOWN = 10;

/** What the officer pastes: where and why (both languages, for whoever reads it), then the shape. */
function shapeMessage(problem: CaptureProblem): string {
  const reason = (locale: 'vi' | 'en') => t(problem.reason, { field: problem.field ?? '' }, locale);
  return [`tthc-desk · ${problem.site} · ${problem.url} · ${problem.seenAt}`, `${reason('vi')} / ${reason('en')}`, '', problem.shape ?? ''].join('\n');
}

function CopyShape({ problem }: { problem: CaptureProblem }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(shapeMessage(problem)).then(() => setOutcome('copied'), () => setOutcome('failed'));
  };
  return (
    <>
      <button type="button" onClick={copy}>{t('panel.problems.copyShape')}</button>
      {outcome && <span role="status">{t(outcome === 'copied' ? 'panel.problems.copied' : 'panel.problems.copyFailed')}</span>}
      {outcome === 'failed' && <pre className="shape-report">{shapeMessage(problem)}</pre>}
    </>
  );
}

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
            <span>{t(problem.reason, { field: problem.field ?? '' })}</span>
            {problem.shape && <CopyShape problem={problem} />}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void db.captureProblems.clear()}>{t('panel.problems.clear')}</button>
    </details>
  );
}
