// Where the summary chip stands: never on the table's last columns.
import { describe, expect, it } from 'vitest';
import { chipPlacement } from './summaryChip.ts';

const viewport = { left: 0, top: 0, right: 1000, bottom: 600 };
const size = { width: 200, height: 30 };
const collapsedSize = { width: 60, height: 24 };
/** The last two cells of rows 40 px high from `top` to `bottom`, spanning x from `left` to `right`. */
const cells = (left: number, right: number, top: number, bottom: number) =>
  Array.from({ length: Math.floor((bottom - top) / 40) }, (_, i) => ({ left, right, top: top + i * 40, bottom: top + (i + 1) * 40 }));

describe('the summary chip placement', () => {
  it('stays in the bottom-right corner when no table column is under it', () => {
    expect(chipPlacement(size, collapsedSize, cells(500, 700, 0, 600), viewport)).toEqual({ corner: 'bottom-right', collapsed: false });
  });

  it('moves to the first corner clear of the last columns', () => {
    // The table's last columns run to the right edge, down to 500 px: the bottom-right corner is clear.
    expect(chipPlacement(size, collapsedSize, cells(700, 1000, 0, 520), viewport)).toEqual({ corner: 'bottom-right', collapsed: false });
    // Down to the bottom from 80 px: the top-right corner is clear.
    expect(chipPlacement(size, collapsedSize, cells(700, 1000, 80, 600), viewport)).toEqual({ corner: 'top-right', collapsed: false });
  });

  it('collapses where it hides the fewest cells when every corner is on them', () => {
    const everywhere = [...cells(0, 250, 0, 600), ...cells(700, 1000, 0, 600)];
    expect(chipPlacement(size, collapsedSize, everywhere, viewport).collapsed).toBe(true);
  });
});
