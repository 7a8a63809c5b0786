import { describe, expect, it } from 'vitest';
import { timelinessLabel, timelinessMessage } from './timelinessLabel.ts';
import type { Timeliness } from './timeliness.ts';

const finished = (state: 'early' | 'on_time'): Timeliness => ({ state, workingDaysLeft: null, workingDaysLate: null });
const late = (state: 'late' | 'overdue', days: number): Timeliness => ({ state, workingDaysLeft: null, workingDaysLate: days });
const left = (state: 'pending' | 'due_soon', days: number): Timeliness => ({ state, workingDaysLeft: days, workingDaysLate: null });

describe('timelinessLabel', () => {
  it('says each state the way an officer says it, counting working days', () => {
    expect(timelinessLabel(finished('early'), 'vi')).toBe('Sớm hạn');
    expect(timelinessLabel(finished('on_time'), 'vi')).toBe('Đúng hạn');
    expect(timelinessLabel(late('late', 3), 'vi')).toBe('Trễ hạn 3 ngày làm việc');
    expect(timelinessLabel(left('pending', 7), 'vi')).toBe('Còn 7 ngày làm việc');
    expect(timelinessLabel(late('overdue', 4), 'vi')).toBe('Quá hạn 4 ngày làm việc');
    expect(timelinessLabel({ state: 'unknown', workingDaysLeft: null, workingDaysLate: null }, 'vi')).toBe('Chưa có hạn');
  });

  it('reads a due-soon dossier like a pending one, and its appointment day as due today', () => {
    expect(timelinessLabel(left('due_soon', 2), 'vi')).toBe('Còn 2 ngày làm việc');
    expect(timelinessLabel(left('due_soon', 0), 'vi')).toBe('Đến hạn hôm nay');
    expect(timelinessLabel(left('due_soon', 0), 'en')).toBe('Due today');
  });

  it('has English equivalents, singular for one day', () => {
    expect(timelinessLabel(finished('early'), 'en')).toBe('Early');
    expect(timelinessLabel(finished('on_time'), 'en')).toBe('On time');
    expect(timelinessLabel(late('late', 1), 'en')).toBe('Late by 1 working day');
    expect(timelinessLabel(late('overdue', 4), 'en')).toBe('Overdue by 4 working days');
    expect(timelinessLabel(left('pending', 1), 'en')).toBe('1 working day left');
    expect(timelinessLabel(left('due_soon', 2), 'en')).toBe('2 working days left');
    expect(timelinessLabel({ state: 'unknown', workingDaysLeft: null, workingDaysLate: null }, 'en')).toBe('No due date');
  });

  it('gives the catalog key and parameters for printing both languages', () => {
    expect(timelinessMessage(late('overdue', 5))).toEqual({ key: 'timeliness.overdue', params: { days: 5 } });
  });
});
