import { describe, expect, it } from 'vitest';
import { PAGE_CHANNEL } from './pageChannel.ts';
import { readPageMessage } from './pageMessages.ts';

describe('readPageMessage', () => {
  it('reads an observed response and a navigation on our channel', () => {
    const response = { channel: PAGE_CHANNEL, kind: 'response', url: 'http://127.0.0.1:4000/pa/dossier/search?page=0', status: 200, body: '{}' };
    expect(readPageMessage(response)).toEqual(response);
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'navigation', url: 'http://127.0.0.1:4000/vi/dossier/search' })?.kind).toBe('navigation');
  });

  it("ignores the page's own messages and forgeries of another shape", () => {
    expect(readPageMessage('hello')).toBeNull();
    expect(readPageMessage({ type: 'angular' })).toBeNull();
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'response', url: 'not a url', status: 200, body: '' })).toBeNull();
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'response', url: 'http://x.test/', status: '200', body: '' })).toBeNull();
    expect(readPageMessage({ channel: PAGE_CHANNEL, kind: 'delete-everything', url: 'http://x.test/' })).toBeNull();
  });
});

describe('readPageMessage, national TTHC database responses', () => {
  const response = { channel: PAGE_CHANNEL, kind: 'response', url: 'https://thutuc.dichvucong.gov.vn/jsp/rest.jsp', status: 200, body: '[]' };

  it('keeps the service and decision id the request named', () => {
    const message = { ...response, request: { service: 'get_modified_procedures_by_dp_id_service_v2', id: '115010' } };
    expect(readPageMessage(message)).toEqual(message);
  });

  it('refuses a request naming a service we do not read', () => {
    expect(readPageMessage({ ...response, request: { service: 'report_tinh_766_service', id: null } })).toBeNull();
  });
});
