import { describe, expect, it } from 'vitest';
import { readCollectWindow, windowChoices } from './windows.ts';

describe('collect windows', () => {
  it('reads months, calendar quarters and any range', () => {
    expect(readCollectWindow('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(readCollectWindow('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(readCollectWindow('2024-03-01..2024-03-10')).toEqual({ from: '2024-03-01', to: '2024-03-10' });
  });

  it('reads the report periods of Nghị định 09/2019 art. 12', () => {
    expect(readCollectWindow('R2024-Q1')).toEqual({ from: '2023-12-15', to: '2024-03-14' });
    expect(readCollectWindow('R2024-Q2')).toEqual({ from: '2024-03-15', to: '2024-06-14' });
    expect(readCollectWindow('R2024-Q4')).toEqual({ from: '2024-09-15', to: '2024-12-14' });
    expect(readCollectWindow('R2024-6M')).toEqual({ from: '2023-12-15', to: '2024-06-14' });
    expect(readCollectWindow('R2024-Y')).toEqual({ from: '2023-12-15', to: '2024-12-14' });
  });

  it('refuses anything else', () => {
    for (const text of ['2024-13', '2024-Q5', 'R2024-Q0', '2024-03-10..2024-03-01', 'quý 1']) expect(readCollectWindow(text)).toBeNull();
  });

  it('offers the current report quarter, which starts on the 15th of the previous quarter’s last month', () => {
    expect(windowChoices('2024-03-14')).toContain('R2024-Q1');
    expect(windowChoices('2024-03-15')).toContain('R2024-Q2');
    expect(windowChoices('2024-12-20')).toContain('R2025-Q1');
  });
});
