// Capture problems of one portal tab, gathered before they are shown and stored: a page that
// reports thousands (a flood of malformed channel messages, a long list of damaged entries) costs
// one notice update and one message to the background per reason and flush, not one per problem.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Site } from '../../shared/schemas/dossier.ts';
import { ask } from '../messaging/messages.ts';
import type { NotUnderstoodNotice } from '../overlay/notUnderstood.ts';

/** Problems arriving within this time are stored together. */
const FLUSH_MS = 250;

export interface ProblemReport {
  /**
   * Problems found on this page; `stored`: the background has already recorded them; `detail`: the
   * field kept records could not have read, or the structure (no values) of a response not understood.
   */
  add(site: Site, count: number, reasonKey: string, stored?: boolean, detail?: ProblemDetail): void;
  /** A new view (SPA navigation): the notice starts again from zero. */
  newView(): void;
}

export interface ProblemDetail {
  field?: string;
  shape?: string;
}

export function createProblemReport(ctx: ContentScriptContext, notice: NotUnderstoodNotice): ProblemReport {
  let shown = 0;
  let lastReason: string | null = null;
  const pending = new Map<string, { site: Site; reason: string; count: number } & ProblemDetail>();
  let timer: number | undefined;

  function flush(): void {
    timer = undefined;
    if (lastReason !== null && shown > 0) notice.show(shown, lastReason);
    for (const problem of pending.values()) {
      // The catalog key, not the text: the side panel shows it in the officer's language.
      void ask({ type: 'capture.problem', ...problem }).catch(() => undefined);
    }
    pending.clear();
  }

  return {
    add(site, count, reasonKey, stored = false, detail = {}) {
      // An unread field is listed in the panel but shows no notice: every record was kept.
      if (detail.field === undefined) {
        shown += count;
        lastReason = reasonKey;
      }
      if (!stored) {
        const key = `${site}|${reasonKey}|${detail.field ?? ''}`;
        const known = pending.get(key);
        if (known) known.count += count;
        else pending.set(key, { site, reason: reasonKey, count, ...detail });
      }
      timer ??= ctx.setTimeout(flush, FLUSH_MS);
    },
    newView() {
      shown = 0;
      lastReason = null;
      notice.hide();
    },
  };
}
