// Feature: a chip in the corner of the page counting the overdue and due-soon dossiers on it.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../shared/i18n/i18n.ts';
import { createCornerHost } from './cornerHost.ts';

const CSS = `
  .chip { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: flex; gap: 8px;
    font: 600 12px/1.4 system-ui, sans-serif; background: #fff; color: #202124; padding: 6px 10px;
    border-radius: 16px; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
  .overdue { color: #a50e0e; }
  .due-soon { color: #7a4a00; }
`;

export interface SummaryChip {
  show(counts: { overdue: number; dueSoon: number }): void;
  hide(): void;
}

function chipParts(): { chip: HTMLElement; overdue: HTMLElement; dueSoon: HTMLElement } {
  const chip = document.createElement('div');
  chip.className = 'chip';
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
    },
    hide() {
      host.remove();
      parts = undefined;
    },
  };
}
