// What a list response says about the whole search, beside its rows: a Spring page gives the total
// (`totalElements`), a Spring slice (`spec=slice`) only says whether it is the last one (domain.md,
// "List wrappers"). Read apart from the adapters so coverage and the period collector need nothing
// of the parsers; a body that is neither wrapper reads as null ("a shape we do not understand").
import { asObject } from './read.ts';

export type ListInfo =
  | { kind: 'page'; page: number; size: number; count: number; total: number }
  | { kind: 'slice'; page: number; size: number; count: number; last: boolean };

function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

export function readListInfo(body: unknown): ListInfo | null {
  const wrapper = asObject(body);
  if (!wrapper || !Array.isArray(wrapper.content)) return null;
  const rows = wrapper.content.length;
  const page = count(wrapper.number) ?? 0;
  const size = count(wrapper.size) ?? rows;
  const total = count(wrapper.totalElements);
  if (total !== null) return { kind: 'page', page, size, count: rows, total };
  const last = typeof wrapper.last === 'boolean' ? wrapper.last : wrapper.empty === true ? true : null;
  if (last === null) return null;
  return { kind: 'slice', page, size, count: count(wrapper.numberOfElements) ?? rows, last };
}

/** The portal's total for the search when it is known: given by a page, or reached by the last slice. */
export function knownTotal(info: ListInfo): number | null {
  if (info.kind === 'page') return info.total;
  return info.last ? info.page * info.size + info.count : null;
}

/** How many the search has at the least: the rows up to the end of this one. */
export function atLeast(info: ListInfo): number {
  return knownTotal(info) ?? info.page * info.size + info.count;
}

/** Whether a later page can still hold rows. */
export function hasMorePages(info: ListInfo): boolean {
  if (info.kind === 'slice') return !info.last && info.count > 0;
  return info.count > 0 && (info.page + 1) * info.size < info.total;
}
