// Isolated world, document start (so no response the MAIN-world observer posts is missed): capture
// and the on-page overlay for portal pages. Messages are buffered until the settings say whether
// this origin is a portal at all.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { setLocale } from '../../shared/i18n/i18n.ts';
import { igateAdapter } from '../../shared/portal/index.ts';
import { ask } from '../messaging/messages.ts';
import { createNotUnderstoodNotice } from '../overlay/notUnderstood.ts';
import { createSummaryChip } from '../overlay/summaryChip.ts';
import type { PageMessage } from '../content/pageChannel.ts';
import { createChannelGate } from '../content/channelGate.ts';
import { createCapturePath } from '../content/capturePath.ts';
import { startOverlayLoop } from '../content/overlayLoop.ts';
import { createProblemReport } from '../content/problemReport.ts';
import { builtInPortalMatches, isPortalOrigin } from '../portals/origins.ts';
import { readCollectMessage } from '../content/collectMessages.ts';
import { startCollectSession } from '../content/collectSession.ts';
import type { FetchAnswer, TemplateSeen } from '../content/collectChannel.ts';

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

export default defineContentScript({
  matches: builtInPortalMatches(),
  runAt: 'document_start',
  async main(ctx) {
    const waiting: PageMessage[] = [];
    let refusedWaiting = 0;
    let deliver: (message: PageMessage) => void = (message) => {
      waiting.push(message);
    };
    let refuse: (count: number) => void = (count) => {
      refusedWaiting += count;
    };
    const gate = createChannelGate(window, (message) => deliver(message), (count) => refuse(count));
    ctx.addEventListener(window, 'message', (event: MessageEvent) => gate.onMessage(event));
    // The period collector's channel (its own messages, from the page's own window), buffered the same way.
    const collectWaiting: (TemplateSeen | FetchAnswer)[] = [];
    let deliverCollect: (message: TemplateSeen | FetchAnswer) => void = (message) => {
      collectWaiting.push(message);
    };
    ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (event.source !== window) return;
      const collectMessage = readCollectMessage(event.data, location.origin);
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
    const problems = createProblemReport(ctx, createNotUnderstoodNotice(ctx));
    let overlay: ReturnType<typeof startOverlayLoop> | null = null;
    const capture = createCapturePath(settings, problems, (codes) => overlay?.onCaptured(codes));
    overlay = startOverlayLoop(ctx, settings, createSummaryChip(ctx), capture);
    const loop = overlay;
    deliver = (message) => {
      if (message.kind === 'navigation') loop.onNavigation(message.url);
      else if (!capture.fromResponse(message)) gate.noteFailure();
    };
    // A refused message names no portal it could be trusted for: it counts against this page's own.
    refuse = (count) => problems.add((loop.adapter() ?? igateAdapter).site, count, 'capture.reason.badMessage');
    for (const message of waiting.splice(0)) deliver(message);
    if (refusedWaiting > 0) refuse(refusedWaiting);
    deliverCollect = startCollectSession(ctx, { onResponse: (message) => capture.fromResponse(message), queued: () => capture.queued() });
    for (const message of collectWaiting.splice(0)) deliverCollect(message);
  },
});
