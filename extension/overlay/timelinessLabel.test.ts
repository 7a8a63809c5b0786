import { describe, expect, it } from 'vitest';
import { timelinessLabel } from './timelinessLabel.ts';

describe('timelinessLabel', () => {
  it('says each state in Vietnamese with its number of days and colour', () => {
    expect(timelinessLabel({ state: 'early', workingDaysLeft: null, workingDaysLate: null })).toEqual({ text: 'Sớm hạn', tone: 'good' });
    expect(timelinessLabel({ state: 'on_time', workingDaysLeft: null, workingDaysLate: null })).toEqual({ text: 'Đúng hạn', tone: 'good' });
    expect(timelinessLabel({ state: 'late', workingDaysLeft: null, workingDaysLate: 3 })).toEqual({ text: 'Trễ hạn 3 ngày', tone: 'bad' });
    expect(timelinessLabel({ state: 'pending', workingDaysLeft: 7, workingDaysLate: null })).toEqual({ text: 'Còn 7 ngày làm việc', tone: 'calm' });
    expect(timelinessLabel({ state: 'due_soon', workingDaysLeft: 2, workingDaysLate: null })).toEqual({ text: 'Sắp đến hạn: còn 2 ngày làm việc', tone: 'warn' });
    expect(timelinessLabel({ state: 'due_soon', workingDaysLeft: 0, workingDaysLate: null })).toEqual({ text: 'Đến hạn hôm nay', tone: 'warn' });
    expect(timelinessLabel({ state: 'overdue', workingDaysLeft: null, workingDaysLate: 4 })).toEqual({ text: 'Quá hạn 4 ngày', tone: 'bad' });
    expect(timelinessLabel({ state: 'unknown', workingDaysLeft: null, workingDaysLate: null })).toEqual({ text: 'Chưa có ngày hẹn trả', tone: 'none' });
  });
});
