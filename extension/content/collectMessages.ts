// Validation of what arrives on the collector's channel: the page can post anything on it.
import { z } from 'zod';
import { COLLECT_CHANNEL, type FetchAnswer, type TemplateSeen } from './collectChannel.ts';

const collectMessageSchema = z.discriminatedUnion('kind', [
  z.object({ channel: z.literal(COLLECT_CHANNEL), kind: z.literal('template'), url: z.url(), largestSize: z.number().int().min(0) }),
  z.object({ channel: z.literal(COLLECT_CHANNEL), kind: z.literal('answer'), id: z.number().int(), url: z.string(), status: z.number().int(), body: z.string().nullable() }),
]);

export function readCollectMessage(data: unknown): TemplateSeen | FetchAnswer | null {
  if (typeof data !== 'object' || data === null || (data as { channel?: unknown }).channel !== COLLECT_CHANNEL) return null;
  const parsed = collectMessageSchema.safeParse(data);
  return parsed.success ? (parsed.data as TemplateSeen | FetchAnswer) : null;
}
