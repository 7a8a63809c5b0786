import { describe, expect, it } from 'vitest';
import { PAGE_CHANNEL, type PageMessage } from './pageChannel.ts';
import { CHECKED_FAILURES_PER_SECOND, createChannelGate, readPageMessage } from './channelGate.ts';

const ORIGIN = 'http://127.0.0.1:4000';

describe('readPageMessage', () => {
  it('reads an observed response and a navigation on our channel', () => {
    const response = { channel: PAGE_CHANNEL, kind: 'response', url: `${ORIGIN}/pa/dossier/search?page=0`, status: 200, body: '{}' };
    expect(readPageMessage(response, ORIGIN)).toEqual(response);
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'navigation', url: `${ORIGIN}/vi/dossier/search` }, ORIGIN)?.kind).toBe('navigation');
  });

  it("ignores the page's own messages and forgeries of another shape", () => {
    expect(readPageMessage('hello', ORIGIN)).toBeNull();
    expect(readPageMessage({ type: 'angular' }, ORIGIN)).toBeNull();
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'response', url: 'not a url', status: 200, body: '' }, ORIGIN)).toBeNull();
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'response', url: `${ORIGIN}/`, status: '200', body: '' }, ORIGIN)).toBeNull();
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'delete-everything', url: `${ORIGIN}/` }, ORIGIN)).toBeNull();
  });

  it('refuses a response or a navigation that names another origin', () => {
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'response', url: 'http://127.0.0.1:9999/pa/dossier/search', status: 200, body: '{}' }, ORIGIN)).toBeNull();
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'response', url: 'https://dichvucong.gov.vn/pa/dossier/search', status: 200, body: '{}' }, ORIGIN)).toBeNull();
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'navigation', url: 'http://localhost:4000/vi/dossier/search' }, ORIGIN)).toBeNull();
  });
});

describe('createChannelGate', () => {
  const win = { location: { origin: ORIGIN } } as unknown as Window;
  const event = (data: unknown, source: unknown = win) => ({ data, source }) as MessageEvent;
  const malformed = { channel: PAGE_CHANNEL, kind: 'response', url: 'not a url', status: 200, body: '' };
  const good = { channel: PAGE_CHANNEL, kind: 'navigation', url: `${ORIGIN}/vi/dossier/search` };

  function gate(clock: { ms: number }) {
    const accepted: PageMessage[] = [];
    let refused = 0;
    const door = createChannelGate(win, (m) => accepted.push(m), (n) => (refused += n), () => clock.ms);
    return { door, accepted, refused: () => refused };
  }

  it('takes messages only from the page itself and only on our channel', () => {
    const { door, accepted, refused } = gate({ ms: 0 });
    door.onMessage(event(good, {}));
    door.onMessage(event({ type: 'angular' }));
    expect(accepted).toEqual([]);
    expect(refused()).toBe(0);
    door.onMessage(event(good));
    expect(accepted).toEqual([good]);
  });

  it('counts every malformed message of a flood but checks only the first ones of each second', () => {
    const clock = { ms: 0 };
    const { door, accepted, refused } = gate(clock);
    let checked = 0;
    const counting = new Proxy(malformed, { get: (target, key) => (key === 'kind' && (checked += 1), Reflect.get(target, key)) });
    for (let i = 0; i < 10_000; i++) door.onMessage(event(counting));
    expect(refused()).toBe(10_000);
    expect(checked).toBeLessThanOrEqual(CHECKED_FAILURES_PER_SECOND * 3);
    // The next second a good message is read again.
    clock.ms = 1000;
    door.onMessage(event(good));
    expect(accepted).toEqual([good]);
  });

  it('counts failures found after the gate (a body that is not JSON) against the same cap', () => {
    const clock = { ms: 0 };
    const { door, accepted, refused } = gate(clock);
    for (let i = 0; i < CHECKED_FAILURES_PER_SECOND; i++) {
      door.onMessage(event(good));
      door.noteFailure();
    }
    door.onMessage(event(good));
    expect(accepted).toHaveLength(CHECKED_FAILURES_PER_SECOND);
    expect(refused()).toBe(1);
  });
});

describe('readPageMessage, national TTHC database responses', () => {
  const origin = 'https://thutuc.dichvucong.gov.vn';
  const response = { channel: PAGE_CHANNEL, kind: 'response', url: `${origin}/jsp/rest.jsp`, status: 200, body: '[]' };

  it('keeps the service and decision id the request named', () => {
    const message = { ...response, request: { service: 'get_modified_procedures_by_dp_id_service_v2', id: '115010' } };
    expect(readPageMessage(message, origin)).toEqual(message);
  });

  it('refuses a request naming a service we do not read', () => {
    expect(readPageMessage({ ...response, request: { service: 'report_tinh_766_service', id: null } }, origin)).toBeNull();
  });
});
