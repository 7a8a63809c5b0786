import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

const request = (peer: string, forwarded?: string) => ({ socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('believes X-Forwarded-For only from a trusted proxy, taking the address the proxy appended', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.7'), ['127.0.0.1'])).toBe('203.0.113.7');
    // A client's own forged entry comes first; the proxy's comes last.
    expect(clientAddress(request('127.0.0.1', '10.9.9.9, 203.0.113.7'), ['127.0.0.1'])).toBe('203.0.113.7');
  });

  it('ignores the header from anyone else, and uses the proxy itself when it forwarded nothing', () => {
    expect(clientAddress(request('198.51.100.4', '10.0.0.1'), ['127.0.0.1'])).toBe('198.51.100.4');
    expect(clientAddress(request('198.51.100.4', '10.0.0.1'), [])).toBe('198.51.100.4');
    expect(clientAddress(request('127.0.0.1'), ['127.0.0.1'])).toBe('127.0.0.1');
  });
});
