import { describe, expect, it } from 'vitest';
import { collectPageSize, collectRequestUrl, stopForStatus, templateSearch } from './collectPlan.ts';

const window = { from: '2023-12-15', to: '2024-03-14' };

describe('collectRequestUrl', () => {
  it('changes only the page, the size and the window of the page’s own request', () => {
    const template = new URL('https://api.example/pa/dossier/search?page=3&size=20&sort=appointmentDate,asc&dossier-status=2,3&token-like=abc');
    const url = collectRequestUrl(template, { page: 7, size: 1000, window });
    expect(url.origin + url.pathname).toBe('https://api.example/pa/dossier/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '7', size: '1000', sort: 'appointmentDate,asc', 'dossier-status': '2,3', 'token-like': 'abc', 'accepted-from': '2023-12-15', 'accepted-to': '2024-03-14',
    });
  });

  it('leaves the size alone where the page sent none, and writes dates in the page’s own form', () => {
    const url = collectRequestUrl(new URL('https://api.example/pa/dossier/search?page=0&accepted-from=01/01/2024'), { page: 1, size: 500, window });
    expect(url.searchParams.has('size')).toBe(false);
    expect(url.searchParams.get('accepted-from')).toBe('15/12/2023');
    expect(url.searchParams.get('accepted-to')).toBe('14/03/2024');
  });
});

describe('templateSearch', () => {
  it('is the same search whatever the page, size, order and window', () => {
    expect(templateSearch(new URL('https://a.example/pa/dossier/search?page=0&size=20&dossier-status=2&accepted-from=2024-01-01'))).toBe(
      templateSearch(new URL('https://a.example/pa/dossier/search?dossier-status=2&page=9&size=1000')),
    );
    expect(templateSearch(new URL('https://a.example/pa/dossier/search?dossier-status=2'))).not.toBe(templateSearch(new URL('https://a.example/pa/dossier/search?dossier-status=3')));
  });
});

describe('collect limits', () => {
  it('never asks more rows per page than the page itself did', () => {
    expect(collectPageSize(5000, 1000)).toBe(1000);
    expect(collectPageSize(50, 1000)).toBe(50);
  });

  it('stops on refused access, rate limits, server errors and the network', () => {
    expect([200, 401, 403, 429, 500, 503, 0, 404].map(stopForStatus)).toEqual([null, 'auth', 'auth', 'rate', 'server', 'server', 'network', 'status']);
  });
});
