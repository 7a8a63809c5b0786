import { describe, expect, it } from 'vitest';
import { reportDeadlines, reportDeadlineToAnnounce } from './deadlines.ts';
import { reportPeriodName } from './sheet.ts';

describe('report deadlines (section XI)', () => {
  it('are the 17th for communes, the 19th for Sở and districts, the 22nd for the province, of the quarter\'s last month', () => {
    expect(reportDeadlines(2024, 'commune').map((d) => [d.period.id, d.due])).toEqual([['2024-Q1', '2024-03-17'], ['2024-6M', '2024-06-17'], ['2024-9M', '2024-09-17'], ['2024', '2024-12-17']]);
    expect(reportDeadlines(2024, 'district')[1]!.due).toBe('2024-06-19');
    expect(reportDeadlines(2024, 'department')[3]!.due).toBe('2024-12-19');
    expect(reportDeadlines(2024, 'province')[0]!.due).toBe('2024-03-22');
  });
  it('are announced from five working days before, through the day itself', () => {
    // 19/6/2024 is a Wednesday: five working days before is Wednesday 12/6.
    expect(reportDeadlineToAnnounce('2024-06-11', 'district')).toBeNull();
    expect(reportDeadlineToAnnounce('2024-06-12', 'district')?.period.id).toBe('2024-6M');
    expect(reportDeadlineToAnnounce('2024-06-19', 'district')?.due).toBe('2024-06-19');
    expect(reportDeadlineToAnnounce('2024-06-20', 'district')).toBeNull();
  });
  it('name their periods as the form does', () => {
    expect(reportDeadlines(2024, 'commune').map((d) => reportPeriodName(d.period, 'vi'))).toEqual(['Quý I/2024', '6 tháng 2024', '9 tháng 2024', 'Năm 2024']);
  });
});
