// What an officer reads for a dossier's timeliness: one wording for the badge on the portal page,
// the side panel, its spreadsheet export and the command line. Due soon and pending read alike
// ("Còn N ngày làm việc"): the number says how near the appointment is, the badge's colour says
// that it is near; the appointment day itself reads "Đến hạn hôm nay". Day counts are working days.
import { t, type Locale, type Params } from '../i18n/i18n.ts';
import type { Timeliness } from './timeliness.ts';

export interface TimelinessMessage {
  key: string;
  params: Params;
}

/** The catalog key and parameters, for callers that print both languages (bilingual()). */
export function timelinessMessage(timeliness: Timeliness): TimelinessMessage {
  switch (timeliness.state) {
    case 'early':
      return { key: 'timeliness.early', params: {} };
    case 'on_time':
      return { key: 'timeliness.onTime', params: {} };
    case 'late':
      return { key: 'timeliness.late', params: { days: timeliness.workingDaysLate ?? 0 } };
    case 'pending':
    case 'due_soon': {
      const days = timeliness.workingDaysLeft ?? 0;
      return days === 0 ? { key: 'timeliness.dueToday', params: {} } : { key: 'timeliness.left', params: { days } };
    }
    case 'overdue':
      return { key: 'timeliness.overdue', params: { days: timeliness.workingDaysLate ?? 0 } };
    case 'paused':
      return { key: 'timeliness.paused', params: {} };
    case 'closed':
      return { key: 'timeliness.closed', params: {} };
    case 'unknown':
      return { key: 'timeliness.unknown', params: {} };
  }
}

/** The label in the current locale (or the one given). */
export function timelinessLabel(timeliness: Timeliness, locale?: Locale): string {
  const { key, params } = timelinessMessage(timeliness);
  return t(key, params, locale);
}
