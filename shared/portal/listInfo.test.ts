import { describe, expect, it } from 'vitest';
import { atLeast, hasMorePages, knownTotal, readListInfo } from './listInfo.ts';

describe('readListInfo', () => {
  it('reads a Spring page: its total is the portal’s count for the search', () => {
    const info = readListInfo({ content: [{}, {}], totalElements: 21000, number: 2, size: 20 });
    expect(info).toEqual({ kind: 'page', page: 2, size: 20, count: 2, total: 21000 });
    expect(knownTotal(info!)).toBe(21000);
    expect(hasMorePages(info!)).toBe(true);
  });

  it('reads a slice without a total: only the last slice tells the total', () => {
    const middle = readListInfo({ content: [{}, {}], number: 1, size: 2, numberOfElements: 2, first: false, last: false, empty: false })!;
    expect(knownTotal(middle)).toBeNull();
    expect(atLeast(middle)).toBe(4);
    expect(hasMorePages(middle)).toBe(true);
    const last = readListInfo({ content: [{}], number: 2, size: 2, numberOfElements: 1, first: false, last: true, empty: false })!;
    expect(knownTotal(last)).toBe(5);
    expect(hasMorePages(last)).toBe(false);
  });

  it('stops paging at the last page of a page wrapper', () => {
    expect(hasMorePages(readListInfo({ content: [{}], totalElements: 41, number: 2, size: 20 })!)).toBe(false);
    expect(hasMorePages(readListInfo({ content: [], totalElements: 0, number: 0, size: 20 })!)).toBe(false);
  });

  it('says null for a shape it does not understand', () => {
    expect(readListInfo({ items: [], total: 3 })).toBeNull();
    expect(readListInfo({ content: [] })).toBeNull();
    expect(readListInfo([1, 2])).toBeNull();
    expect(readListInfo({ content: [], totalElements: -1 })).toBeNull();
  });
});
