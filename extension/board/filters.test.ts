import { describe, expect, it } from 'vitest';
import type { BoardTask } from '../../shared/board/schema.ts';
import { vietnamCalendar } from '../../shared/calendar/calendar.ts';
import { isOverdue, matchesFilter, noFilter, workingDaysLeft } from './filters.ts';

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
    expect(workingDaysLeft('2024-05-02', '2024-04-26', vietnamCalendar)).toBe(1);
    expect(workingDaysLeft('2024-04-25', '2024-04-26', vietnamCalendar)).toBe(-1);
    expect(workingDaysLeft(null, '2024-04-26', vietnamCalendar)).toBeNull();
  });
});
