import { describe, expect, it } from 'vitest';
import type { BoardTask } from '../../../../shared/board/schema.ts';
import { vietnamCalendar } from '../../../../shared/calendar/calendar.ts';
import { timelinessLabel } from '../../../../shared/dossier/timelinessLabel.ts';
import { dueTimeliness, isClosed, isOverdue, matchesFilter, noFilter } from './filters.ts';

const task = (over: Partial<BoardTask>): BoardTask => ({
  id: 't', title: 'x', column: 'todo', order: 'a0', assignees: [], due: null, labels: [], links: {}, seed: null,
  created: null, updated: null, archived: false, checklist: [], commentCount: 0, ...over,
});

describe('board filters', () => {
  it('keeps my tasks, overdue ones, a plan section and a label', () => {
    const today = '2024-04-10';
    const mine = task({ assignees: ['Lan'] });
    const late = task({ due: '2024-04-09' });
    const lateButDone = task({ due: '2024-04-09', column: 'done' });
    const planned = task({ links: { planItem: 'II.4' } });
    const eleventh = task({ links: { planItem: 'XI.1' } });
    const labelled = task({ labels: ['gấp'] });
    expect(matchesFilter(mine, { ...noFilter, mine: true }, 'Lan', today)).toBe(true);
    expect(matchesFilter(late, { ...noFilter, mine: true }, 'Lan', today)).toBe(false);
    expect([late, lateButDone].map((t) => isOverdue(t, today))).toEqual([true, false]);
    expect(matchesFilter(planned, { ...noFilter, section: 'II' }, 'Lan', today)).toBe(true);
    expect(matchesFilter(eleventh, { ...noFilter, section: 'I' }, 'Lan', today)).toBe(false);
    expect(matchesFilter(labelled, { ...noFilter, label: 'gấp' }, 'Lan', today)).toBe(true);
    expect(matchesFilter(task({ archived: true }), noFilter, 'Lan', today)).toBe(false);
  });

  it('counts working days left on Vietnam\'s calendar (30/4 and 1/5/2024 are days off)', () => {
    expect(dueTimeliness('2024-05-02', '2024-04-26', vietnamCalendar)).toEqual({ state: 'pending', workingDaysLeft: 1, workingDaysLate: null });
    expect(dueTimeliness('2024-04-25', '2024-04-26', vietnamCalendar)).toEqual({ state: 'overdue', workingDaysLeft: null, workingDaysLate: 1 });
    expect(dueTimeliness(null, '2024-04-26', vietnamCalendar)).toBeNull();
  });

  it('words a due date as the dossier list does, and a date past on a weekend as overdue, not due today', () => {
    const label = (due: string, today: string) => timelinessLabel(dueTimeliness(due, today, vietnamCalendar)!, 'vi');
    expect(label('2024-05-02', '2024-04-26')).toBe('Còn 1 ngày làm việc');
    expect(label('2024-04-26', '2024-04-26')).toBe('Đến hạn hôm nay');
    expect(label('2024-04-25', '2024-04-26')).toBe('Quá hạn 1 ngày làm việc');
    // Due Saturday 2024-04-27, read on Sunday: no working day in between, yet the day is past.
    expect(label('2024-04-27', '2024-04-28')).toBe('Quá hạn 1 ngày làm việc');
  });

  it('stops counting down once a task is done or archived', () => {
    expect([task({ column: 'done' }), task({ archived: true }), task({})].map(isClosed)).toEqual([true, true, false]);
  });
});
