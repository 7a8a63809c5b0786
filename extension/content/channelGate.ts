// The isolated script's door to the page channel. The page can post anything on it, so a message
// is taken only from the page's own window, only in our shape, and only when the response it
// reports is the portal's own (a page cannot hand over data as if another origin had sent it).
// Messages that fail (refused here, or whose body the capture path cannot read) are counted, and
// past a rate cap the rest of that second's are refused unread: a flood of malformed messages costs
// a counter increment each, and ends as one problem row with its count.
import { z } from 'zod';
import { isOwnPortalUrl } from '../portals/origins.ts';
import { nationalDbServices, type NationalDbService } from '../../shared/portal/nationalDbClaims.ts';
import { PAGE_CHANNEL, type PageMessage } from './pageChannel.ts';

/** Failing messages read in full per second; past it, the rest of that second's are refused unread. */
export const CHECKED_FAILURES_PER_SECOND = 100;

const services = Object.values(nationalDbServices) as [NationalDbService, ...NationalDbService[]];
/** The national TTHC database's request the response answers: which service, for which decision. */
const nationalDbRequestSchema = z.object({ service: z.enum(services), id: z.string().max(64).nullable() });

const pageMessageSchema = z.discriminatedUnion('kind', [
  z.object({ channel: z.literal(PAGE_CHANNEL), kind: z.literal('response'), url: z.url(), status: z.number().int(), body: z.unknown(), request: nationalDbRequestSchema.optional() }),
  z.object({ channel: z.literal(PAGE_CHANNEL), kind: z.literal('navigation'), url: z.url() }),
]);

/** The message when it is one of ours in shape and about the page's own portal; null otherwise. */
export function readPageMessage(data: unknown, pageOrigin: string): PageMessage | null {
  const parsed = pageMessageSchema.safeParse(data);
  if (!parsed.success) return null;
  const message = parsed.data as PageMessage;
  const url = new URL(message.url);
  if (message.kind === 'navigation') return url.origin === pageOrigin ? message : null;
  return isOwnPortalUrl(url, pageOrigin) ? message : null;
}

const onOurChannel = (data: unknown) => typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === PAGE_CHANNEL;

export interface ChannelGate {
  onMessage(event: MessageEvent): void;
  /** A message the gate let through failed further on (its body was not JSON, the adapter threw). */
  noteFailure(): void;
}

/**
 * `accept` gets each good message; `refuse` the number of refused ones (called once per message,
 * cheap: the caller gathers them). Messages not on our channel (the page's own traffic) are ignored.
 */
export function createChannelGate(
  win: Window,
  accept: (message: PageMessage) => void,
  refuse: (count: number) => void,
  now: () => number = () => performance.now(),
): ChannelGate {
  let second = -1;
  let failures = 0;
  function overCap(): boolean {
    const current = Math.floor(now() / 1000);
    if (current !== second) {
      second = current;
      failures = 0;
    }
    return failures >= CHECKED_FAILURES_PER_SECOND;
  }
  return {
    onMessage(event) {
      if (event.source !== win || !onOurChannel(event.data)) return;
      if (overCap()) {
        refuse(1);
        return;
      }
      const message = readPageMessage(event.data, win.location.origin);
      if (message) accept(message);
      else {
        failures += 1;
        refuse(1);
      }
    },
    noteFailure() {
      overCap();
      failures += 1;
    },
  };
}
