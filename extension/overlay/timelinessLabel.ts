// What a dossier badge says and which colour it wears, from the dossier's timeliness.
import type { Timeliness } from '../../shared/dossier/timeliness.ts';
import { t } from '../../shared/i18n/i18n.ts';

export type Tone = 'good' | 'bad' | 'warn' | 'calm' | 'none';

export interface BadgeLabel {
  text: string;
  tone: Tone;
}

export function timelinessLabel(timeliness: Timeliness): BadgeLabel {
  const days = timeliness.workingDaysLeft ?? 0;
  const late = timeliness.workingDaysLate ?? 0;
  switch (timeliness.state) {
    case 'early':
      return { text: t('capture.badge.early'), tone: 'good' };
    case 'on_time':
      return { text: t('capture.badge.onTime'), tone: 'good' };
    case 'late':
      return { text: t('capture.badge.late', { days: late }), tone: 'bad' };
    case 'pending':
      return { text: t('capture.badge.pending', { days }), tone: 'calm' };
    case 'due_soon':
      return { text: days === 0 ? t('capture.badge.dueToday') : t('capture.badge.dueSoon', { days }), tone: 'warn' };
    case 'overdue':
      return { text: t('capture.badge.overdue', { days: late }), tone: 'bad' };
    case 'unknown':
      return { text: t('capture.badge.unknown'), tone: 'none' };
  }
}
