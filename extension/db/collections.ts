// A period collection's state, kept in the background's database after every page so a closed
// tab or browser resumes where it stopped. Only the content script of a portal page drives one.
import { z } from 'zod';
import { MAX_RATE_PER_SECOND, MIN_RATE_PER_SECOND } from '../../shared/portalCoverage/collectPlan.ts';
import type { TthcDatabase } from './database.ts';

export const collectStopReasons = ['auth', 'rate', 'server', 'shape', 'network', 'status'] as const;

export const storedCollectionSchema = z.object({
  /** The search and the window: collecting the same window of the same search again starts it over. */
  id: z.string().min(1).max(5000),
  /** The portal page's origin that runs it. */
  pageOrigin: z.string().min(1).max(400),
  /** The search the page sent, without window and paging (shared/portalCoverage/collectPlan.ts templateSearch). */
  search: z.string().min(1).max(5000),
  window: z.object({ from: z.string().max(10), to: z.string().max(10) }),
  size: z.number().int().min(1).max(50_000),
  ratePerSecond: z.number().min(MIN_RATE_PER_SECOND).max(MAX_RATE_PER_SECOND),
  nextPage: z.number().int().min(0),
  pages: z.number().int().min(0).nullable(),
  dossiers: z.number().int().min(0),
  total: z.number().int().min(0).nullable(),
  state: z.enum(['running', 'paused', 'done', 'cancelled', 'stopped']),
  stop: z.object({ reason: z.enum(collectStopReasons), status: z.number().int().nullable() }).nullable(),
  startedAt: z.string().max(40),
  updatedAt: z.string().max(40),
});
export type StoredCollection = z.infer<typeof storedCollectionSchema>;
export type CollectStop = NonNullable<StoredCollection['stop']>;

export async function saveCollection(db: TthcDatabase, collection: StoredCollection): Promise<void> {
  await db.collections.put(collection);
}

/** The page origin's most recent collection, which the collect control shows and a running one resumes. */
export async function latestCollection(db: TthcDatabase, pageOrigin: string): Promise<StoredCollection | null> {
  const all = await db.collections.where('pageOrigin').equals(pageOrigin).toArray();
  return all.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}
