// The browser's permission for the portal origins the officer adds beyond the built-in ones. It
// can only be asked during a click (the browser shows its prompt then), so `askForPortalHosts`
// must be called synchronously from the click's handler, before anything is awaited.
import { browser } from 'wxt/browser';
import { extraPortalPatterns, originMatchPattern } from '../../portals/origins.ts';

/** Asks for every extra origin at once; false when the officer (or the browser) refused. */
export function askForPortalHosts(portalOrigins: readonly string[]): Promise<boolean> {
  const origins = extraPortalPatterns(portalOrigins);
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins }).catch((error: unknown) => {
    console.warn('tthc-desk: portal access not asked', error);
    return false;
  });
}

export interface PortalAccess {
  origin: string;
  granted: boolean;
}

/** Each configured origin that needs a permission, with whether the browser has granted it. */
export async function portalAccessOf(portalOrigins: readonly string[]): Promise<PortalAccess[]> {
  const extra = new Set(extraPortalPatterns(portalOrigins));
  const origins = portalOrigins.filter((origin) => extra.has(originMatchPattern(origin)));
  return Promise.all(origins.map(async (origin) => ({ origin, granted: await browser.permissions.contains({ origins: [originMatchPattern(origin)] }) })));
}
