// Feature: a chip in the corner of the page counting the overdue and due-soon dossiers on it.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { t } from '../../shared/i18n/i18n.ts';

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

export async function createSummaryChip(ctx: ContentScriptContext): Promise<SummaryChip> {
  let parts: { chip: HTMLElement; overdue: HTMLElement; dueSoon: HTMLElement } | undefined;
  const ui = await createShadowRootUi(ctx, {
    name: 'tthc-summary-chip',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: CSS,
    onMount(container) {
      const chip = document.createElement('div');
      chip.className = 'chip';
      chip.setAttribute('role', 'status');
      const overdue = document.createElement('span');
      overdue.className = 'overdue';
      const dueSoon = document.createElement('span');
      dueSoon.className = 'due-soon';
      chip.append(overdue, dueSoon);
      container.append(chip);
      parts = { chip, overdue, dueSoon };
    },
  });
  return {
    show({ overdue, dueSoon }) {
      if (!parts) ui.mount();
      if (!parts) return;
      parts.overdue.textContent = t('capture.chip.overdue', { count: overdue });
      parts.dueSoon.textContent = t('capture.chip.dueSoon', { count: dueSoon });
      parts.chip.setAttribute('aria-label', t('capture.chip.label', { overdue, dueSoon }));
    },
    hide() {
      ui.remove();
      parts = undefined;
    },
  };
}
