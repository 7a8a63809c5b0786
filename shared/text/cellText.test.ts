import { describe, expect, it } from 'vitest';
import { cellText, MAX_CELL_CHARS } from './cellText.ts';

describe('cellText', () => {
  it('keeps ordinary Vietnamese text, tabs and line breaks as they are', () => {
    expect(cellText('Cấp phép\txây dựng\nlần 2', '…')).toBe('Cấp phép\txây dựng\nlần 2');
  });

  it('removes control, bidi and zero-width characters', () => {
    expect(cellText('H48\u0000-\u0007\u001B2024\u202E\u200B-\u007F1', '…')).toBe('H48-2024-1');
  });

  it('cuts a text longer than a cell holds, ending with the marker, to exactly the cell limit', () => {
    const cut = cellText('x'.repeat(1_000_000), ' [đã cắt bớt]');
    expect(cut).toHaveLength(MAX_CELL_CHARS);
    expect(cut.endsWith(' [đã cắt bớt]')).toBe(true);
    expect(cellText('x'.repeat(MAX_CELL_CHARS), '…')).toBe('x'.repeat(MAX_CELL_CHARS));
  });
});
