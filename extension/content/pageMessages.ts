// Validation of what arrives on the page channel: the page can post anything on it.
import { z } from 'zod';
import { nationalDbServices, type NationalDbService } from '../../shared/portal/nationalDbClaims.ts';
import { PAGE_CHANNEL, type PageMessage } from './pageChannel.ts';

const services = Object.values(nationalDbServices) as [NationalDbService, ...NationalDbService[]];
const nationalDbRequestSchema = z.object({ service: z.enum(services), id: z.string().max(64).nullable() });

const pageMessageSchema = z.discriminatedUnion('kind', [
  z.object({ channel: z.literal(PAGE_CHANNEL), kind: z.literal('response'), url: z.url(), status: z.number().int(), body: z.unknown(), request: nationalDbRequestSchema.optional() }),
  z.object({ channel: z.literal(PAGE_CHANNEL), kind: z.literal('navigation'), url: z.url() }),
]);

/** The message when it is one of ours in shape; null for the page's own traffic and forgeries of another shape. */
export function readPageMessage(data: unknown): PageMessage | null {
  if (typeof data !== 'object' || data === null || (data as { channel?: unknown }).channel !== PAGE_CHANNEL) return null;
  const parsed = pageMessageSchema.safeParse(data);
  return parsed.success ? (parsed.data as PageMessage) : null;
}
