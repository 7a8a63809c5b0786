// The one i18n layer: every text an officer reads goes through t(). Vietnamese is the default
// and first language; English second. Each feature keeps its messages in its own catalog file
// (shared/i18n/catalogs/*.ts) so features do not edit one shared file.
import { catalogs } from './catalogs/index.ts';
import { formatCount } from './numbers.ts';

export { formatCount };

export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];

export type Params = Record<string, string | number>;
export type Message = string | ((params: Params) => string);
export interface Catalog { vi: Record<string, Message>; en: Record<string, Message> }

let current: Locale = 'vi';

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

function lookup(locale: Locale, key: string): Message | undefined {
  for (const catalog of catalogs) {
    const message = catalog[locale][key];
    if (message !== undefined) return message;
  }
  return undefined;
}

// Parameters that are quantities get the thousands separator; years, ports, row numbers and codes
// passed under other names are written as they are.
const quantityParams = new Set(['count', 'shown', 'total', 'overdue', 'dueSoon', 'days', 'n', 'found', 'expected', 'rate']);

function render(message: Message, params: Params, locale: Locale): string {
  if (typeof message === 'function') return message(params);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' && quantityParams.has(name) ? formatCount(value, locale) : String(value);
  });
}

/** The message in the current locale, falling back to Vietnamese, then to the key itself. */
export function t(key: string, params: Params = {}, locale: Locale = current): string {
  const own = lookup(locale, key);
  const message = own ?? lookup('vi', key);
  return message === undefined ? key : render(message, params, own === undefined ? 'vi' : locale);
}

/** Vietnamese first, English second, in one line: for the command line and logs read by people. */
export function bilingual(key: string, params: Params = {}): string {
  const vi = t(key, params, 'vi');
  const en = t(key, params, 'en');
  return vi === en ? vi : `${vi} / ${en}`;
}
