// The year month by month, for the Chỉ tiêu charts: each calendar month's on-time rate (resolved
// early or on time among those resolved), online rate (received online among those received in
// the month) and the 766 progress estimate as a percentage of its 20 points (on time ÷ basis), with the number of
// dossiers each month rests on, so a month with little data can be shown as such.
import type { ReportDossier } from './input.ts';
import { buildForm06 } from './form06.ts';
import { monthWindow, type ReportWindow } from './period.ts';
import { defaultReportOptions, type ReportOptions } from './placement.ts';
import { estimateProgress766 } from './progress766.ts';

export interface MonthFigures {
  month: number;
  window: ReportWindow;
  /** Dossiers received or handled in the month: what the month's figures rest on. */
  basis: number;
  /** Percent to hundredths, null when the month has nothing to divide by. */
  onTimeRate: number | null;
  onlineRate: number | null;
  progress766: number | null;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 10_000) / whole) / 100);

export function monthlyFigures(dossiers: readonly ReportDossier[], year: number, options: ReportOptions = defaultReportOptions): MonthFigures[] {
  return Array.from({ length: 12 }, (_, i) => {
    const window = monthWindow(year, i + 1);
    const { total } = buildForm06(dossiers, window, options);
    const progress = estimateProgress766(dossiers, window, options);
    const receivedInMonth = total.received.online + total.received.direct;
    return {
      month: i + 1,
      window,
      basis: total.received.total,
      onTimeRate: percent(total.resolved.early + total.resolved.onTime, total.resolved.total),
      onlineRate: percent(total.received.online, receivedInMonth),
      progress766: percent(progress.onTime, progress.basis),
    };
  });
}
