// "Lịch sử thay đổi": the unit's moments, newest first, read from the server when opened. A lead
// who finds the moment before a mistake restores it from here, after confirming: the edits that
// bring it back are made on this panel's board and reach everyone like any edit (unitHistory.ts).
import { useState } from 'react';
import type * as Y from 'yjs';
import { t } from '../../../../shared/i18n/i18n.ts';
import type { BoardSettings } from '../../../board/boardSettings.ts';
import { fetchUnitHistory, restoreBoardTo, type HistoryAnswer, type RestoreAnswer } from '../../../board/unitHistory.ts';

/** A moment's time as the list shows it, to the second (the full instant is its title and what is restored). */
const shownTime = (at: string) => at.slice(0, 19).replace('T', ' ');

type RestoreState = { at: string; step: 'confirm' | 'running' } | { at: string; step: 'done'; answer: RestoreAnswer } | null;

export function UnitHistoryList({ settings, board }: { settings: BoardSettings; board: Y.Doc | null }) {
  const [answer, setAnswer] = useState<HistoryAnswer | null>(null);
  const [restore, setRestore] = useState<RestoreState>(null);

  async function restoreTo(at: string): Promise<void> {
    if (!board) return;
    setRestore({ at, step: 'running' });
    setRestore({ at, step: 'done', answer: await restoreBoardTo(settings, board, at) });
  }

  return (
    <details className="board-history" onToggle={(event) => {
      if ((event.target as HTMLDetailsElement).open) void fetchUnitHistory(settings).then(setAnswer);
    }}>
      <summary>{t('boardHistory.title')}</summary>
      {answer === null && <p className="muted">…</p>}
      {answer?.ok === false && <p role="alert">{t(`boardHistory.${answer.reason}`)}</p>}
      {answer?.ok && (
        <>
          <p className="muted">{t('boardHistory.since', { since: answer.history.since.slice(0, 16).replace('T', ' ') })}</p>
          <p className="muted">{t('boardHistory.restoreHint')}</p>
          <RestoreOutcome state={restore} />
          <table>
            <thead>
              <tr><th>{t('boardHistory.when')}</th><th>{t('boardHistory.who')}</th><th>{t('boardHistory.changes')}</th><th /></tr>
            </thead>
            <tbody>
              {[...answer.history.moments].reverse().map((moment) => (
                <tr key={`${moment.at}-${moment.user}`}>
                  <td><time dateTime={moment.at} title={moment.at}>{shownTime(moment.at)}</time></td>
                  <td>{moment.user}</td>
                  <td>{moment.updates}</td>
                  <td>
                    {restore?.at === moment.at && restore.step === 'confirm' ? (
                      <span className="board-history-confirm">
                        <span>{t('boardHistory.confirm', { at: shownTime(moment.at) })}</span>
                        <button type="button" onClick={() => void restoreTo(moment.at)}>{t('boardHistory.doRestore')}</button>
                        <button type="button" onClick={() => setRestore(null)}>{t('boardHistory.cancel')}</button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        disabled={!board || restore?.step === 'running'}
                        aria-label={t('boardHistory.restoreLabel', { at: shownTime(moment.at) })}
                        title={t('boardHistory.restoreLabel', { at: shownTime(moment.at) })}
                        onClick={() => setRestore({ at: moment.at, step: 'confirm' })}
                      >
                        {t('boardHistory.restore')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}

function RestoreOutcome({ state }: { state: RestoreState }) {
  if (state?.step === 'running') return <p role="status">{t('boardHistory.restoring')}</p>;
  if (state?.step !== 'done') return null;
  const at = shownTime(state.at);
  if (!state.answer.ok) return <p role="alert">{t(`boardHistory.${state.answer.reason}`)}</p>;
  return <p role="status">{state.answer.edits === 0 ? t('boardHistory.alreadyThere', { at }) : t('boardHistory.restored', { at, count: state.answer.edits })}</p>;
}
