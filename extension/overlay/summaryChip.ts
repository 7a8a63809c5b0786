// Feature: a chip in a corner of the page counting the overdue and due-soon dossiers on it. It
// never sits on the last columns of the portal's table (where the officer reads dates and
// statuses): it takes the first corner clear of them, and when none is, it collapses to the
// overdue count alone in the corner where it hides the fewest of those cells.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../shared/i18n/i18n.ts';
import { createCornerHost } from './cornerHost.ts';

const MARGIN = 16;
/** Which table columns must stay visible, counted from the right. */
const LAST_COLUMNS = 2;

const CSS = `
  .chip { position: fixed; z-index: 2147483000; display: flex; gap: 8px;
    font: 600 12px/1.4 system-ui, sans-serif; background: #fff; color: #202124; padding: 6px 10px;
    border-radius: 16px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
  .chip[data-corner$='right'] { right: ${MARGIN}px; }
  .chip[data-corner$='left'] { left: ${MARGIN}px; }
  .chip[data-corner^='bottom'] { bottom: ${MARGIN}px; }
  .chip[data-corner^='top'] { top: ${MARGIN}px; }
  .chip.collapsed { padding: 2px 6px; }
  .chip.collapsed .due-soon { display: none; }
  .overdue { color: #a50e0e; }
  .due-soon { color: #7a4a00; }
`;

const CORNERS = ['bottom-right', 'top-right', 'bottom-left', 'top-left'] as const;
type Corner = (typeof CORNERS)[number];

export interface SummaryChip {
  show(counts: { overdue: number; dueSoon: number }): void;
  hide(): void;
}

interface Box { left: number; top: number; right: number; bottom: number }

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The cells of the tables' last columns that are in view. */
export function lastColumnCells(doc: Document, viewport: Box): Box[] {
  const cells: Box[] = [];
  for (const row of doc.querySelectorAll('tr')) {
    const box = row.getBoundingClientRect();
    if (!overlaps(box, viewport)) continue;
    const rowCells = [...row.cells];
    for (const cell of rowCells.slice(-LAST_COLUMNS)) cells.push(cell.getBoundingClientRect());
  }
  return cells;
}

/** Where a chip of this size would stand in each corner. */
function boxAt(corner: Corner, width: number, height: number, viewport: Box): Box {
  const left = corner.endsWith('right') ? viewport.right - MARGIN - width : MARGIN;
  const top = corner.startsWith('bottom') ? viewport.bottom - MARGIN - height : MARGIN;
  return { left, top, right: left + width, bottom: top + height };
}

/** The first corner clear of the cells; else the corner hiding the fewest, collapsed. */
export function chipPlacement(size: { width: number; height: number }, collapsedSize: { width: number; height: number }, cells: readonly Box[], viewport: Box): { corner: Corner; collapsed: boolean } {
  const clear = CORNERS.find((corner) => !cells.some((cell) => overlaps(cell, boxAt(corner, size.width, size.height, viewport))));
  if (clear) return { corner: clear, collapsed: false };
  const hidden = (corner: Corner) => cells.filter((cell) => overlaps(cell, boxAt(corner, collapsedSize.width, collapsedSize.height, viewport))).length;
  const corner = CORNERS.reduce((best, next) => (hidden(next) < hidden(best) ? next : best));
  return { corner, collapsed: true };
}

function chipParts(): { chip: HTMLElement; overdue: HTMLElement; dueSoon: HTMLElement } {
  const chip = document.createElement('div');
  chip.className = 'chip';
  chip.dataset.corner = 'bottom-right';
  chip.setAttribute('role', 'status');
  const overdue = document.createElement('span');
  overdue.className = 'overdue';
  const dueSoon = document.createElement('span');
  dueSoon.className = 'due-soon';
  chip.append(overdue, dueSoon);
  return { chip, overdue, dueSoon };
}

export function createSummaryChip(ctx: ContentScriptContext): SummaryChip {
  const host = createCornerHost(ctx, 'tthc-summary-chip', CSS);
  let parts: ReturnType<typeof chipParts> | undefined;
  let frame = 0;

  /** Measures the chip both ways, then stands it where it covers none of the last columns. */
  function place(): void {
    frame = 0;
    if (!parts) return;
    const { chip } = parts;
    chip.classList.remove('collapsed');
    const full = chip.getBoundingClientRect();
    chip.classList.add('collapsed');
    const small = chip.getBoundingClientRect();
    const viewport = { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight };
    const placement = chipPlacement(full, small, lastColumnCells(document, viewport), viewport);
    chip.dataset.corner = placement.corner;
    chip.classList.toggle('collapsed', placement.collapsed);
  }
  const placeSoon = () => {
    if (parts && frame === 0) frame = requestAnimationFrame(place);
  };
  ctx.addEventListener(window, 'scroll', placeSoon, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', placeSoon, { passive: true });

  return {
    show({ overdue, dueSoon }) {
      const container = host.mount();
      if (!parts) {
        parts = chipParts();
        container.append(parts.chip);
      }
      parts.overdue.textContent = t('capture.chip.overdue', { count: overdue });
      parts.dueSoon.textContent = t('capture.chip.dueSoon', { count: dueSoon });
      parts.chip.setAttribute('aria-label', t('capture.chip.label', { overdue, dueSoon }));
      // Measured on the next frame, outside the overlay's drawing pass.
      placeSoon();
    },
    hide() {
      host.remove();
      parts = undefined;
    },
  };
}
