import { parseReportPeriod } from '../../shared/report/period.ts';
import { describe, expect, it } from 'vitest';
import { deadlineDigest } from './deadlineDigest.ts';

const none = { overdueDossiers: 0, dueSoonDossiers: 0, overdueSteps: 0, dueSoonSteps: 0 };

describe('the deadline notification text', () => {
  it('says nothing when nothing is overdue or due soon', () => {
    expect(deadlineDigest(none, 2, 'vi')).toBeNull();
  });

  it('lists, in Vietnamese, only the kinds of deadline that need attention, with their counts', () => {
    expect(deadlineDigest({ ...none, overdueDossiers: 3, dueSoonSteps: 1 }, 2, 'vi')).toEqual({
      title: 'tthc-desk: việc cần chú ý',
      message: '3 hồ sơ của đơn vị quá hạn\n1 bước công bố, niêm yết TTHC sắp đến hạn (còn không quá 2 ngày)',
    });
  });

  it('words every kind, with the due-soon threshold, in English too', () => {
    const digest = deadlineDigest({ overdueDossiers: 1, dueSoonDossiers: 4, overdueSteps: 2, dueSoonSteps: 5 }, 3, 'en');
    expect(digest?.title).toBe('tthc-desk: needs attention');
    expect(digest?.message.split('\n')).toEqual([
      '1 overdue dossier of the unit',
      '4 dossiers due soon (at most 3 working days left)',
      '2 overdue publication and posting steps',
      '5 publication and posting steps due soon (at most 3 days left)',
    ]);
  });

  it('holds nothing but counts: no dossier code, name or number beyond the figures given', () => {
    const digest = deadlineDigest({ overdueDossiers: 7, dueSoonDossiers: 11, overdueSteps: 0, dueSoonSteps: 0 }, 2, 'vi')!;
    expect(digest.message.match(/\d+/g)).toEqual(['7', '11', '2']);
  });

  it('announces the report falling due, even when nothing else needs attention', () => {
    const reportDue = { period: parseReportPeriod('2024-6M'), due: '2024-06-19' };
    expect(deadlineDigest({ overdueDossiers: 0, dueSoonDossiers: 0, overdueSteps: 0, dueSoonSteps: 0, reportDue }, 2, 'vi')?.message).toBe('Hạn nộp báo cáo 6 tháng 2024: 19/06/2024');
    expect(deadlineDigest({ overdueDossiers: 1, dueSoonDossiers: 0, overdueSteps: 0, dueSoonSteps: 0, reportDue }, 2, 'en')?.message.split('\n')).toEqual(['1 overdue dossier of the unit', 'Report Six months 2024 due: 19/06/2024']);
  });
});
