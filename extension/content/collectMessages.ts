// Validation of what arrives on the collector's channel: the page can post anything on it.
import { z } from 'zod';
import { isOwnPortalUrl } from '../portals/origins.ts';
import { COLLECT_CHANNEL, type FetchAnswer, type TemplateSeen } from './collectChannel.ts';

const collectMessageSchema = z.discriminatedUnion('kind', [
  z.object({ channel: z.literal(COLLECT_CHANNEL), kind: z.literal('template'), url: z.url(), largestSize: z.number().int().min(0) }),
  z.object({ channel: z.literal(COLLECT_CHANNEL), kind: z.literal('answer'), id: z.number().int(), url: z.string(), status: z.number().int(), body: z.instanceof(ArrayBuffer).nullable() }),
]);

/** Whether a URL names the page's own portal (as the capture channel requires: channelGate.ts). */
function onOwnPortal(url: string, pageOrigin: string): boolean {
  try {
    return isOwnPortalUrl(new URL(url), pageOrigin);
  } catch {
    return false;
  }
}

/**
 * The message when it is the collector's in shape and about the page's own portal: a page cannot
 * hand over another origin's answer as the collection's (an empty url is the observer's "the page's
 * search is not the collection's").
 */
export function readCollectMessage(data: unknown, pageOrigin: string): TemplateSeen | FetchAnswer | null {
  if (typeof data !== 'object' || data === null || (data as { channel?: unknown }).channel !== COLLECT_CHANNEL) return null;
  const parsed = collectMessageSchema.safeParse(data);
  if (!parsed.success) return null;
  const message = parsed.data as TemplateSeen | FetchAnswer;
  return message.kind === 'answer' && message.url === '' ? message : onOwnPortal(message.url, pageOrigin) ? message : null;
}
