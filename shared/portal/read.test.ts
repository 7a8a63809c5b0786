import { describe, expect, it } from 'vitest';
import { readDisplayedInstant, readInstants, readPortalInstant, readText } from './read.ts';
import type { Rejected } from './types.ts';

describe('readPortalInstant', () => {
  it.each([
    ['2024-03-12T08:15:30.000+0700', '2024-03-12T08:15:30+07:00'],
    ['2024-05-03T17:00:00.000+0000', '2024-05-04T00:00:00+07:00'],
    ['2024-05-03T10:00:00Z', '2024-05-03T17:00:00+07:00'],
    ['2024-07-17', '2024-07-17T00:00:00+07:00'],
    [1720578600000, '2024-07-10T09:30:00+07:00'],
  ])('reads %s as %s', (raw, expected) => {
    expect(readPortalInstant(raw)).toEqual({ ok: true, value: expected });
  });

  it('treats absent values as no date and unreadable text as a problem to report', () => {
    for (const absent of [null, undefined, '']) expect(readPortalInstant(absent)).toEqual({ ok: true, value: null });
    expect(readPortalInstant('hôm qua')).toEqual({ ok: false, raw: 'hôm qua' });
    expect(readPortalInstant(Number.NaN)).toEqual({ ok: false, raw: 'NaN' });
  });
});

describe('readDisplayedInstant', () => {
  it.each([
    ['12/03/2024', '2024-03-12T00:00:00+07:00'],
    ['1/3/2024 8:05', '2024-03-01T08:05:00+07:00'],
    ['29/02/2024 16:30:59', '2024-02-29T16:30:59+07:00'],
  ])('reads %s in Vietnam time', (raw, expected) => {
    expect(readDisplayedInstant(raw)).toEqual({ ok: true, value: expected });
  });

  it('refuses dates the calendar does not have instead of rolling them over', () => {
    for (const raw of ['30/02/2024', '29/02/2023', '31/04/2024 08:00', '2024-03-12', '12/03/24']) expect(readDisplayedInstant(raw).ok, raw).toBe(false);
  });

  it('reads an empty cell or a dash as no date', () => {
    for (const raw of [null, '', '-', '—']) expect(readDisplayedInstant(raw)).toEqual({ ok: true, value: null });
  });
});

describe('readInstants', () => {
  it('rejects the entry on its first unreadable date, naming the field and the dossier', () => {
    const rejected: Rejected[] = [];
    const values = readInstants({ acceptedAt: readDisplayedInstant('12/03/2024'), appointmentAt: readDisplayedInstant('31/02/2024') }, '000.00.20.H48-240312-0001', rejected);
    expect(values).toBeNull();
    expect(rejected).toEqual([{ reason: 'portal.rejected.unreadableDate', sample: '000.00.20.H48-240312-0001: appointmentAt=31/02/2024' }]);
  });
});

describe('readText', () => {
  it('returns NFC text with spaces collapsed, and null for nothing', () => {
    expect(readText('  Đang\n  xử lý '.normalize('NFD'))).toBe('Đang xử lý'.normalize('NFC'));
    expect(readText(4)).toBe('4');
    expect(readText('   ')).toBeNull();
    expect(readText({ name: 'x' })).toBeNull();
  });
});
