// MAIN world, document start: wraps fetch/XHR before the portal's own code runs, and hands JSON
// responses to the isolated content script (portal.content.ts), where the adapters claim theirs.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installResponseObserver, jsonResponses } from '../content/responseObserver.ts';
import { portalMatches } from '../content/portalMatches.ts';

export default defineContentScript({
  matches: portalMatches,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installResponseObserver(window, jsonResponses);
  },
});
