// Quantities as officers write them. Kept apart from i18n.ts so catalogs can use it without
// importing the module that imports them.

/** 12.345 in Vietnamese, 12,345 in English; at most two decimals (57,89 / 57.89). */
export function formatCount(value: number, locale: 'vi' | 'en'): string {
  return value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
}

/** "1 record", "2 records", "1,200 records": English nouns agree with their number; Vietnamese ones do not change. */
export function englishCount(value: string | number | undefined, singular: string, plural: string): string {
  const n = Number(value);
  return `${Number.isFinite(n) ? formatCount(n, 'en') : String(value)} ${n === 1 ? singular : plural}`;
}

/** A calendar date in Vietnamese text: 2024-02-07 → 07/02/2024; anything else is left as it is. */
export function vietnameseDate(value: string | number | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : String(value);
}
