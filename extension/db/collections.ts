// A period collection's state, kept in the background's database after every page so a closed
// tab or browser resumes where it stopped. Only the content script of a portal page drives one.
import { z } from 'zod';
import type { TthcDatabase } from './database.ts';

export const collectStopReasons = ['auth', 'rate', 'server', 'shape', 'network', 'status'] as const;

export const storedCollectionSchema = z.object({
  /** The collection's search identity (shared/portal/searchIdentity.ts) of its first request. */
  id: z.string().min(1).max(4000),
  /** The portal page's origin that runs it. */
  pageOrigin: z.string().min(1).max(400),
  /** Path and filters of the search the page sent (the window and paging are the collector's). */
  path: z.string().min(1).max(1000),
  filters: z.array(z.tuple([z.string().max(200), z.string().max(2000)])).max(100),
  window: z.object({ from: z.string().max(10), to: z.string().max(10) }),
  size: z.number().int().min(1).max(50_000),
  ratePerSecond: z.number().positive().max(50),
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
