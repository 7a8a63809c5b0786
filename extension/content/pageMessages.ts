// Validation of what arrives on the page channel: the page can post anything on it.
import { z } from 'zod';
import { PAGE_CHANNEL, type PageMessage } from './pageChannel.ts';

const pageMessageSchema = z.discriminatedUnion('kind', [
  z.object({ channel: z.literal(PAGE_CHANNEL), kind: z.literal('response'), url: z.url(), status: z.number().int(), body: z.unknown() }),
  z.object({ channel: z.literal(PAGE_CHANNEL), kind: z.literal('navigation'), url: z.url() }),
]);

/** The message when it is one of ours in shape; null for the page's own traffic and forgeries of another shape. */
export function readPageMessage(data: unknown): PageMessage | null {
  if (typeof data !== 'object' || data === null || (data as { channel?: unknown }).channel !== PAGE_CHANNEL) return null;
  const parsed = pageMessageSchema.safeParse(data);
  return parsed.success ? (parsed.data as PageMessage) : null;
}
