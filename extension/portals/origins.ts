// Portal origins, in one place: the portals the extension knows out of the box, the match patterns
// the manifest's content scripts are declared for, whether a page is a portal, the addresses an
// officer types on the options page, and the extra origins that need a browser permission.
// Imported by the content scripts (so: no zod, no Dexie), the background and the options page.

/** The real portals (../../shared/domain.md, "The portals"). One origin per line: easy to add one. */
const realPortalOrigins: readonly string[] = [
  'https://dichvucong.quangnam.gov.vn',
  'https://dichvucong.gov.vn',
  'https://thutuc.dichvucong.gov.vn',
];

/**
 * The demo portal, on any port of the loopback hosts. Only development and test builds know it
 * (`npm start`, `npm test`, the benchmarks set TTHC_LOCAL_PORTALS=1 for `wxt build`, and
 * wxt.config.ts turns that into this constant); the store package does not, so a local web
 * application an officer runs is never observed.
 */
const localPortalOrigins: readonly string[] = ['http://127.0.0.1:*', 'http://localhost:*'];

declare const __TTHC_LOCAL_PORTALS__: boolean | undefined;
export const localPortalsBuilt: boolean = typeof __TTHC_LOCAL_PORTALS__ !== 'undefined' && __TTHC_LOCAL_PORTALS__ === true;

/** The origins treated as portals until the officer changes them ("…:*" = any port). */
export function builtInPortalOrigins(local: boolean = localPortalsBuilt): string[] {
  return local ? [...realPortalOrigins, ...localPortalOrigins] : [...realPortalOrigins];
}

/**
 * "https://host" → "https://host/*", "http://host:8080" → "http://host:8080/*", and
 * "http://host:*" → "http://host/*" (a Chrome match pattern without a port matches every port).
 */
export function originMatchPattern(origin: string): string {
  return `${origin.replace(/:\*$/, '')}/*`;
}

/** Where the manifest injects the content scripts: the built-in portals. */
export function builtInPortalMatches(local: boolean = localPortalsBuilt): string[] {
  return builtInPortalOrigins(local).map(originMatchPattern);
}

/** Whether a page origin is one of the configured portal origins ("…:*" = any port). */
export function isPortalOrigin(origin: string, portalOrigins: readonly string[]): boolean {
  return portalOrigins.some((pattern) => {
    if (!pattern.endsWith(':*')) return pattern.replace(/\/$/, '') === origin;
    const base = pattern.slice(0, -2);
    return origin === base || (origin.startsWith(`${base}:`) && /^\d+$/.test(origin.slice(base.length + 1)));
  });
}

/**
 * Whether a response URL a page reports belongs to that page: its own origin, or a host of the same
 * province domain over https (iGate serves its API from its own host under the province's domain,
 * ../../shared/domain.md: "each province has its own API host"). dichvucong.quangnam.gov.vn may read
 * from apiigate.quangnam.gov.vn; dichvucong.gov.vn (directly under gov.vn) and loopback pages only
 * from themselves.
 */
export function isOwnPortalUrl(url: URL, pageOrigin: string): boolean {
  if (url.origin === pageOrigin) return true;
  const page = new URL(pageOrigin);
  if (page.protocol !== 'https:' || url.protocol !== 'https:') return false;
  const province = page.hostname.split('.').slice(1);
  if (province.length < 3) return false;
  const domain = province.join('.');
  return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
}

// Addresses as the officer types them, one per line: "https://host", "http://host:port", or
// "http://host:*" for any port. A bare host means https; a pasted page address is cut to its origin.
const ORIGIN = /^(https?):\/\/([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)(:(\d{1,5}|\*))?$/;

function typedOrigin(entry: string): string | null {
  const withScheme = /^[a-z]+:\/\//.test(entry) ? entry : `https://${entry}`;
  const anyPort = withScheme.match(/^([a-z]+:\/\/[^/:]+):\*\/?$/);
  if (anyPort) return ORIGIN.test(`${anyPort[1]}:*`) ? `${anyPort[1]}:*` : null;
  let origin: string;
  try {
    origin = new URL(withScheme).origin;
  } catch {
    return null;
  }
  return ORIGIN.test(origin) ? origin : null;
}

/** The options page's portal addresses: one origin per line, lower-cased, without repeats; or the first bad line. */
export function parsePortalOrigins(text: string): { origins: string[] } | { badEntry: string } {
  const origins: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim().toLowerCase();
    if (entry === '') continue;
    const origin = typedOrigin(entry);
    if (origin === null) return { badEntry: line.trim() };
    if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins };
}

interface Pattern {
  scheme: string;
  host: string;
  /** null: any port. */
  port: string | null;
}

function readPattern(pattern: string): Pattern | null {
  const match = /^(https?):\/\/([^/]+?)(?::(\d+))?\/\*$/.exec(pattern);
  return match ? { scheme: match[1]!, host: match[2]!, port: match[3] ?? null } : null;
}

function coveredByBuiltIn(pattern: string, local: boolean): boolean {
  const wanted = readPattern(pattern);
  return builtInPortalMatches(local).some((builtIn) => {
    const given = readPattern(builtIn);
    return !!wanted && !!given && given.scheme === wanted.scheme && given.host === wanted.host && (given.port === null || given.port === wanted.port);
  });
}

/**
 * The match patterns of the configured origins that the manifest's content scripts do not cover:
 * each needs the browser's permission for its host (asked on the options page), then the scripts
 * are registered for it at run time (background/portalScripts.ts).
 */
export function extraPortalPatterns(portalOrigins: readonly string[], local: boolean = localPortalsBuilt): string[] {
  const patterns = portalOrigins.map(originMatchPattern).filter((pattern) => !coveredByBuiltIn(pattern, local));
  return [...new Set(patterns)];
}
