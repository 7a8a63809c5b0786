// MAIN world, document start: wraps fetch/XHR before the portal's own code runs, and hands the
// JSON responses an adapter claims (shared/portal/claims.ts) to the isolated content script
// (portal.content.ts), which parses them.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { claimedJsonResponses, installResponseObserver } from '../content/responseObserver.ts';
import { installCollectRequests } from '../content/collectRequests.ts';
import { builtInPortalMatches } from '../portals/origins.ts';

export default defineContentScript({
  matches: builtInPortalMatches(),
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    // First, so the period collector's own requests bypass the observer (they are answered once, on its channel).
    installCollectRequests(window);
    installResponseObserver(window, claimedJsonResponses);
  },
});
