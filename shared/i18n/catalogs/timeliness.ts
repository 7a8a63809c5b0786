// A dossier's timeliness as every part of the product says it (shared/dossier/timelinessLabel.ts).
import type { Catalog, Params } from '../i18n.ts';
import { englishCount } from '../numbers.ts';

const workingDays = (params: Params) => englishCount(params.days, 'working day', 'working days');

export const timelinessCatalog: Catalog = {
  vi: {
    'timeliness.early': 'Sớm hạn',
    'timeliness.onTime': 'Đúng hạn',
    'timeliness.late': 'Trễ hạn {days} ngày làm việc',
    'timeliness.left': 'Còn {days} ngày làm việc',
    'timeliness.dueToday': 'Đến hạn hôm nay',
    'timeliness.overdue': 'Quá hạn {days} ngày làm việc',
    'timeliness.unknown': 'Chưa có hạn',
    'timeliness.paused': 'Chờ bổ sung / Tạm dừng',
    'timeliness.closed': 'Đã dừng / Đã hủy',
  },
  en: {
    'timeliness.early': 'Early',
    'timeliness.onTime': 'On time',
    'timeliness.late': (params) => `Late by ${workingDays(params)}`,
    'timeliness.left': (params) => `${workingDays(params)} left`,
    'timeliness.dueToday': 'Due today',
    'timeliness.overdue': (params) => `Overdue by ${workingDays(params)}`,
    'timeliness.unknown': 'No due date',
    'timeliness.paused': 'Awaiting supplement / Suspended',
    'timeliness.closed': 'Stopped / Cancelled',
  },
};
