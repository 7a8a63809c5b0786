// The dossier list, virtualised: only the rows in view are in the DOM, and only the rows read so
// far are held (useDossierList.ts): nearing the end of them asks for the next page. Each row is a
// button that opens the dossier's details and status timeline.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { formatInstant } from '../../../ui/format.ts';
import { TimelinessBadge } from './TimelinessBadge.tsx';
import type { DossierRow } from './dossierView.ts';

const ROW_HEIGHT = 68;
/** The next page is asked for while this many read rows are still below the view. */
const AHEAD = 30;

interface Props {
  rows: readonly DossierRow[];
  selectedCode: string | null;
  onSelect: (code: string) => void;
  onNearEnd: () => void;
}

export function DossierList({ rows, selectedCode, onSelect, onNearEnd }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const lastInView = virtualizer.getVirtualItems().at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastInView >= rows.length - AHEAD) onNearEnd();
  }, [lastInView, rows.length, onNearEnd]);
  if (rows.length === 0) return <p className="empty">{t('panel.dossiers.none')}</p>;
  const locale = getLocale();
  return (
    <div ref={scroller} className="dossier-scroller" tabIndex={-1}>
      <ul className="dossier-list" aria-label={t('panel.dossiers.list')} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const { dossier } = row;
          return (
            <li key={dossier.code} className="dossier-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
              <button
                type="button"
                aria-expanded={selectedCode === dossier.code}
                data-code={dossier.code}
                onClick={() => onSelect(dossier.code)}
              >
                <span className="row-line">
                  <span className="code">{dossier.code}</span>
                  <TimelinessBadge timeliness={row.timeliness} />
                </span>
                <span className="row-line muted ellipsis">{dossier.procedureName}</span>
                <span className="row-line muted">
                  <span>{t('panel.dossier.appointmentShort')} {formatInstant(dossier.appointmentAt, locale)}</span>
                  <span className="ellipsis">{dossier.status}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
