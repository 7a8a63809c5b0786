// Feature: a visible notice when a response or the page could not be understood, so missing
// records are never silent. It names how many records were unreadable and why.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../shared/i18n/i18n.ts';
import { createCornerHost } from './cornerHost.ts';

const CSS = `
  .notice { position: fixed; top: 12px; right: 16px; z-index: 2147483000; max-width: 420px;
    font: 500 13px/1.4 system-ui, sans-serif; background: #fce8e6; color: #a50e0e;
    border: 1px solid #f4b4ae; padding: 8px 12px; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
  .second { margin-top: 4px; font-size: 12px; opacity: .85; }
`;

export interface NotUnderstoodNotice {
  show(count: number, reasonKey: string): void;
  hide(): void;
}

export function createNotUnderstoodNotice(ctx: ContentScriptContext): NotUnderstoodNotice {
  const host = createCornerHost(ctx, 'tthc-not-understood', CSS);
  let notice: HTMLElement | undefined;
  return {
    /** Vietnamese first, English below it, whatever the officer's language: whoever reads it may report it. */
    show(count, reasonKey) {
      const container = host.mount();
      if (!notice) {
        notice = document.createElement('div');
        notice.className = 'notice';
        notice.setAttribute('role', 'alert');
        container.append(notice);
      }
      const vietnamese = document.createElement('div');
      vietnamese.lang = 'vi';
      vietnamese.textContent = t('capture.notUnderstood', { count, reason: t(reasonKey, {}, 'vi') }, 'vi');
      const english = document.createElement('div');
      english.lang = 'en';
      english.className = 'second';
      english.textContent = t('capture.notUnderstood', { count, reason: t(reasonKey, {}, 'en') }, 'en');
      notice.replaceChildren(vietnamese, english);
    },
    hide() {
      host.remove();
      notice = undefined;
    },
  };
}
