import { describe, expect, it } from 'vitest';
import { timelinessLabel } from '../../shared/dossier/timelinessLabel.ts';
import type { Timeliness } from '../../shared/dossier/timeliness.ts';
import { timelinessBadge } from './timelinessBadge.ts';

describe('timelinessBadge', () => {
  it('wears the colour of its state and the words the side panel uses', () => {
    const cases: [Timeliness, string][] = [
      [{ state: 'early', workingDaysLeft: null, workingDaysLate: null }, 'good'],
      [{ state: 'on_time', workingDaysLeft: null, workingDaysLate: null }, 'good'],
      [{ state: 'late', workingDaysLeft: null, workingDaysLate: 3 }, 'bad'],
      [{ state: 'pending', workingDaysLeft: 7, workingDaysLate: null }, 'calm'],
      [{ state: 'due_soon', workingDaysLeft: 2, workingDaysLate: null }, 'warn'],
      [{ state: 'due_soon', workingDaysLeft: 0, workingDaysLate: null }, 'warn'],
      [{ state: 'overdue', workingDaysLeft: null, workingDaysLate: 4 }, 'bad'],
      [{ state: 'unknown', workingDaysLeft: null, workingDaysLate: null }, 'none'],
      [{ state: 'paused', workingDaysLeft: null, workingDaysLate: null }, 'calm'],
      [{ state: 'closed', workingDaysLeft: null, workingDaysLate: null }, 'none'],
    ];
    for (const [timeliness, tone] of cases) expect(timelinessBadge(timeliness)).toEqual({ text: timelinessLabel(timeliness), tone });
  });

  it('says a paused or closed dossier is waiting or ended, never late', () => {
    expect(timelinessBadge({ state: 'paused', workingDaysLeft: null, workingDaysLate: null }).text).toBe('Chờ bổ sung / Tạm dừng');
    expect(timelinessBadge({ state: 'closed', workingDaysLeft: null, workingDaysLate: null }).text).toBe('Đã dừng / Đã hủy');
  });

  it('says a dossier due today the same way as the side panel: "Đến hạn hôm nay"', () => {
    expect(timelinessBadge({ state: 'due_soon', workingDaysLeft: 0, workingDaysLate: null }).text).toBe('Đến hạn hôm nay');
  });
});
