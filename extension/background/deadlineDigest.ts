// What the deadline notification says: counts only, never a dossier code or an applicant's name,
// because a notification shows on the desktop to whoever is looking at the screen.
import { t, type Locale } from '../../shared/i18n/i18n.ts';
import { vietnameseDate } from '../../shared/i18n/numbers.ts';
import type { ReportPeriod } from '../../shared/report/period.ts';
import { reportPeriodName } from '../../shared/report/sheet.ts';
import type { CalendarDate } from '../../shared/time/dates.ts';

export interface Attention {
  overdueDossiers: number;
  dueSoonDossiers: number;
  overdueSteps: number;
  dueSoonSteps: number;
  /** Section XI's report falling due within five working days, for a unit whose kind is set. */
  reportDue?: { period: ReportPeriod; due: CalendarDate } | null;
}

export interface Digest {
  title: string;
  message: string;
}

/** One line per kind of deadline that needs attention; null when nothing does. */
export function deadlineDigest(attention: Attention, dueSoonDays: number, locale: Locale): Digest | null {
  const lines: [string, number][] = [
    ['capture.notice.overdueDossiers', attention.overdueDossiers],
    ['capture.notice.dueSoonDossiers', attention.dueSoonDossiers],
    ['capture.notice.overdueSteps', attention.overdueSteps],
    ['capture.notice.dueSoonSteps', attention.dueSoonSteps],
  ];
  const shown = lines.filter(([, count]) => count > 0).map(([key, count]) => t(key, { count, days: dueSoonDays }, locale));
  if (attention.reportDue) {
    const { period, due } = attention.reportDue;
    shown.push(t('report.deadline.notification', { period: reportPeriodName(period, locale), due: vietnameseDate(due) }, locale));
  }
  if (shown.length === 0) return null;
  return { title: t('capture.notice.title', {}, locale), message: shown.join('\n') };
}
