// Counts per timeliness state; each is a button that filters the list to that state.
import { formatCount, getLocale, t } from '../../../../shared/i18n/i18n.ts';
import { timelinessStates, type StateFilter, type TimelinessState } from './dossierView.ts';

interface Props {
  counts: Record<TimelinessState, number>;
  total: number;
  active: StateFilter;
  onPick: (state: StateFilter) => void;
}

export function DossierCounts({ counts, total, active, onPick }: Props) {
  return (
    <div className="counts" role="group" aria-label={t('panel.dossiers.counts')}>
      <button type="button" className="count" aria-pressed={active === 'all'} onClick={() => onPick('all')}>
        {t('panel.dossiers.total')} <strong>{formatCount(total, getLocale())}</strong>
      </button>
      {timelinessStates.map((state) => (
        <button
          key={state}
          type="button"
          className={`count count-${state}`}
          aria-pressed={active === state}
          data-state={state}
          onClick={() => onPick(active === state ? 'all' : state)}
        >
          {t(`panel.state.${state}`)} <strong>{formatCount(counts[state], getLocale())}</strong>
        </button>
      ))}
    </div>
  );
}
