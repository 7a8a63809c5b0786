// A fixed-position piece of our UI on the portal page (the summary chip, the not-understood
// notice), in its own open shadow root so neither the portal's styles nor ours leak across.
// Native attachShadow rather than WXT's createShadowRootUi: the same isolation for what these two
// need, without its mounting helpers (about 5 KB gzipped) in a script that loads on every portal page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface CornerHost {
  /** The element to fill; the host is (re)attached at the end of <body> when the page dropped it. */
  mount(): HTMLElement;
  remove(): void;
}

export function createCornerHost(ctx: ContentScriptContext, tag: string, css: string): CornerHost {
  let host: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  function remove(): void {
    host?.remove();
    host = null;
    container = null;
  }
  ctx.onInvalidated(remove);
  return {
    mount() {
      if (!host || !container) {
        host = document.createElement(tag);
        const shadow = host.attachShadow({ mode: 'open' });
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`:host { all: initial; } ${css}`);
        shadow.adoptedStyleSheets = [sheet];
        container = document.createElement('div');
        shadow.append(container);
      }
      if (!host.isConnected) document.body.append(host);
      return container;
    },
    remove,
  };
}
