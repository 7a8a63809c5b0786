import { describe, expect, it } from 'vitest';
import { COLLECT_CHANNEL } from './collectChannel.ts';
import { readCollectMessage } from './collectMessages.ts';

const origin = 'http://127.0.0.1:4000';
const answer = { channel: COLLECT_CHANNEL, kind: 'answer', id: 3, url: `${origin}/pa/dossier/search?page=2`, status: 200, body: new TextEncoder().encode('{}').buffer };

describe('readCollectMessage', () => {
  it('takes the collector\'s answer and template about the page\'s own portal', () => {
    expect(readCollectMessage(answer, origin)).toEqual(answer);
    const template = { channel: COLLECT_CHANNEL, kind: 'template', url: `${origin}/pa/dossier/search`, largestSize: 50 };
    expect(readCollectMessage(template, origin)).toEqual(template);
    expect(readCollectMessage({ ...answer, url: '' }, origin)?.kind).toBe('answer');
    expect(readCollectMessage({ ...answer, body: null }, origin)?.kind).toBe('answer');
  });

  it('ignores an answer or template naming another origin, or no URL at all', () => {
    expect(readCollectMessage({ ...answer, url: 'https://evil.example/pa/dossier/search' }, origin)).toBeNull();
    expect(readCollectMessage({ ...answer, url: 'not a url' }, origin)).toBeNull();
    expect(readCollectMessage({ channel: COLLECT_CHANNEL, kind: 'template', url: 'http://localhost:3000/x', largestSize: 5 }, origin)).toBeNull();
    expect(readCollectMessage({ type: 'angular' }, origin)).toBeNull();
  });

  it('takes an answer\'s body only as the transferred bytes the page world sends', () => {
    expect(readCollectMessage({ ...answer, body: '{}' }, origin)).toBeNull();
    expect(readCollectMessage({ ...answer, body: { byteLength: 2 } }, origin)).toBeNull();
  });
});
