import { describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.ts';
import { collectPageSize, collectRate, collectRequestUrl, collectSecondsLeft, DEFAULT_RATE_PER_SECOND, stopForStatus, templateSearch, timeLeftParts } from './collectPlan.ts';

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

describe('collectSecondsLeft', () => {
  it('projects the pages left at the pace of the pages answered since the collection (re)started', () => {
    // 10 pages in 25 s: 2.5 s a page, 300 pages left.
    expect(collectSecondsLeft(300, 10, 25)).toBe(750);
    expect(collectSecondsLeft(0, 10, 25)).toBe(0);
  });

  it('says nothing before two pages tell the pace, or when the portal gave no total', () => {
    expect(collectSecondsLeft(300, 1, 2)).toBeNull();
    expect(collectSecondsLeft(null, 10, 25)).toBeNull();
  });
});

describe('timeLeftParts', () => {
  it('rounds up to whole minutes, with hours from 60 minutes on, and nothing under a minute', () => {
    expect(timeLeftParts(59)).toBeNull();
    expect(timeLeftParts(60)).toEqual({ hours: 0, minutes: 1 });
    expect(timeLeftParts(61)).toEqual({ hours: 0, minutes: 2 });
    expect(timeLeftParts(3600)).toEqual({ hours: 1, minutes: 0 });
    expect(timeLeftParts(4_810)).toEqual({ hours: 1, minutes: 21 });
  });

  it('reads in Vietnamese first and in English', () => {
    expect(t('collect.left.minutes', { minutes: 17 }, 'vi')).toBe('còn khoảng 17 phút');
    expect(t('collect.left.hours', { hours: 1, minutes: 21 }, 'vi')).toBe('còn khoảng 1 giờ 21 phút');
    expect(t('collect.left.hours', { hours: 2, minutes: 0 }, 'vi')).toBe('còn khoảng 2 giờ');
    expect(t('collect.left.minutes', { minutes: 1 }, 'en')).toBe('about 1 minute left');
    expect(t('collect.left.hours', { hours: 1, minutes: 21 }, 'en')).toBe('about 1 h 21 min left');
  });
});

describe('collectRate', () => {
  it('keeps the rate the officer asks within 0.1 and 10 requests a second', () => {
    expect(collectRate(2.5)).toBe(2.5);
    expect(collectRate(50)).toBe(10);
    expect(collectRate(0.01)).toBe(0.1);
  });

  it('is said with the decimal comma in Vietnamese', () => {
    expect(t('collect.polite', { rate: 0.5 }, 'vi')).toContain('không quá 0,5 yêu cầu mỗi giây');
    expect(t('collect.polite', { rate: 0.5 }, 'en')).toContain('at most 0.5 requests per second');
  });

  it('takes the default for an empty, zero, negative or unreadable field', () => {
    for (const asked of [Number(''), 0, -3, Number.NaN, Number.POSITIVE_INFINITY]) expect(collectRate(asked)).toBe(DEFAULT_RATE_PER_SECOND);
  });
});
