// "Lịch sử thay đổi": the unit's moments, newest first, read from the server when opened. A lead
// who finds the moment before a mistake passes its time to IT, who restores it (tthc-desk restore).
import { useState } from 'react';
import { t } from '../../../../shared/i18n/i18n.ts';
import type { BoardSettings } from '../../../board/boardSettings.ts';
import { fetchUnitHistory, type HistoryAnswer } from '../../../board/unitHistory.ts';

export function UnitHistoryList({ settings }: { settings: BoardSettings }) {
  const [answer, setAnswer] = useState<HistoryAnswer | null>(null);
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
          <table>
            <thead>
              <tr><th>{t('boardHistory.when')}</th><th>{t('boardHistory.who')}</th><th>{t('boardHistory.changes')}</th></tr>
            </thead>
            <tbody>
              {[...answer.history.moments].reverse().map((moment) => (
                <tr key={`${moment.at}-${moment.user}`}>
                  <td><time dateTime={moment.at} title={moment.at}>{moment.at.slice(0, 19).replace('T', ' ')}</time></td>
                  <td>{moment.user}</td>
                  <td>{moment.updates}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('boardHistory.restoreHint')}</p>
        </>
      )}
    </details>
  );
}
