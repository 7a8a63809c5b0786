// Isolated world, document start (so no response the MAIN-world observer posts is missed): capture
// and the on-page overlay for portal pages. Messages are buffered until the settings say whether
// this origin is a portal at all.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { setLocale } from '../../shared/i18n/i18n.ts';
import { isPortalOrigin } from '../db/settings.ts';
import { ask } from '../messaging/messages.ts';
import { createNotUnderstoodNotice } from '../overlay/notUnderstood.ts';
import { createSummaryChip } from '../overlay/summaryChip.ts';
import type { PageMessage } from '../content/pageChannel.ts';
import { readPageMessage } from '../content/pageMessages.ts';
import { portalMatches } from '../content/portalMatches.ts';
import { startPageSession } from '../content/pageSession.ts';
import { readCollectMessage } from '../content/collectMessages.ts';
import { startCollectSession } from '../content/collectSession.ts';
import type { FetchAnswer, TemplateSeen } from '../content/collectChannel.ts';

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

export default defineContentScript({
  matches: portalMatches,
  runAt: 'document_start',
  async main(ctx) {
    const waiting: PageMessage[] = [];
    let deliver: (message: PageMessage) => void = (message) => {
      waiting.push(message);
    };
    // The period collector's channel, buffered the same way.
    const collectWaiting: (TemplateSeen | FetchAnswer)[] = [];
    let deliverCollect: (message: TemplateSeen | FetchAnswer) => void = (message) => {
      collectWaiting.push(message);
    };
    ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (event.source !== window) return;
      const message = readPageMessage(event.data);
      if (message) deliver(message);
      const collectMessage = readCollectMessage(event.data);
      if (collectMessage) deliverCollect(collectMessage);
    });

    const settings = await ask({ type: 'capture.settings' }).catch((error: unknown) => {
      console.warn('tthc-desk: no answer from the background, nothing is captured on this page', error);
      return null;
    });
    if (!settings || !isPortalOrigin(location.origin, settings.portalOrigins)) {
      ctx.abort();
      return;
    }
    setLocale(settings.locale);
    await domReady();
    const session = startPageSession(ctx, settings, { chip: createSummaryChip(ctx), notice: createNotUnderstoodNotice(ctx) });
    deliver = (message) => {
      if (message.kind === 'response') session.onResponse(message);
      else session.onNavigation(message.url);
    };
    for (const message of waiting.splice(0)) deliver(message);
    deliverCollect = startCollectSession(ctx, session);
    for (const message of collectWaiting.splice(0)) deliverCollect(message);
  },
});
