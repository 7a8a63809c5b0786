// The server's settings, parsed once at the boundary (zod): past this file every value is trusted.
import { z } from 'zod';
import { defaultHistoryDays } from './store.ts';

const MiB = 1024 * 1024;

const LimitsSchema = z.object({
  /** Largest websocket message accepted; a bigger frame closes that one connection (ws maxPayload). */
  maxMessageBytes: z.number().int().min(1024).max(64 * MiB).default(4 * MiB),
  /**
   * Failed upgrades (no, bad or expired token, other unit, bad room) one address may make in a
   * rolling minute; past it, its failures are answered 429. A valid token is always admitted.
   */
  failedUpgradesPerMinute: z.number().int().min(1).default(60),
  /** Connections one user (the token's `sub`) may hold at once; more are refused with 429. */
  connectionsPerUser: z.number().int().min(1).default(16),
  /**
   * Sockets from one address that have not finished their upgrade; more are closed at once. Real
   * clients finish in milliseconds, so 1,000 officers behind one NAT pass with their backoff.
   */
  pendingSocketsPerAddress: z.number().int().min(1).default(256),
  /** The request's headers must arrive within this, or the socket is closed. */
  headersTimeoutMs: z.number().int().min(100).default(5_000),
  /** Awareness (presence) bytes one connection may send per second; the excess is dropped. */
  awarenessBytesPerSecond: z.number().int().min(256).default(64 * 1024),
  /** Editor updates one user may send per second, after a burst of `updateBurst`. */
  updatesPerSecond: z.number().int().min(1).default(200),
  updateBurst: z.number().int().min(1).default(2_000),
  /** Update bytes one user may send per second, after a burst of `updateBytesBurst`. */
  updateBytesPerSecond: z.number().int().min(1024).default(1 * MiB),
  updateBytesBurst: z.number().int().min(1024).default(8 * MiB),
  /**
   * Over budget a user's connection is slowed (its socket is not read until the budget is back);
   * a user slowed without pause for this long is closed (code 4529, "too many updates")...
   */
  maxThrottleSeconds: z.number().min(0).default(10),
  /** ...and their upgrades are refused (429) for this long. */
  floodCooldownSeconds: z.number().min(0).default(60),
  /** Stored bytes one room may hold; an update that would pass it is refused (code 4413). */
  roomQuotaBytes: z.number().int().min(1024).default(64 * MiB),
  /** A socket that does not answer a ping within this interval is dropped. */
  pingIntervalMs: z.number().int().min(50).default(30_000),
});

export const SyncServerConfigSchema = z.object({
  port: z.number().int().min(0).max(65535).default(1234),
  host: z.string().min(1).default('127.0.0.1'),
  /** Directory of the embedded SQLite store (ignored when postgresUrl is set). */
  dataDir: z.string().min(1).default('./data'),
  /** With Redis, instances share rooms: edits and presence reach officers on other instances. */
  redisUrl: z.string().regex(/^rediss?:\/\//, 'redis:// or rediss:// URL').optional(),
  /** With PostgreSQL, instances share the store. */
  postgresUrl: z.string().regex(/^postgres(ql)?:\/\//, 'postgres:// URL').optional(),
  /** Signing secret of tokens (TTHC_DESK_SECRET). */
  secret: z.string().min(1),
  /** The secret being rotated out (TTHC_DESK_PREVIOUS_SECRET): still accepted during the rotation window. */
  previousSecret: z.string().min(1).optional(),
  /** A room with no connection leaves memory after this long. */
  roomGraceMs: z.number().int().min(0).default(30_000),
  /** A room with no edit for this long drops its Y.Doc and keeps only the encoded state. */
  roomHibernateMs: z.number().int().min(0).default(10_000),
  /** The update log of a room is folded into its snapshot after this many appended updates. */
  compactAfterUpdates: z.number().int().min(1).default(500),
  /** Days each update is kept with its time and author (restorable); older ones are folded into the base. */
  historyDays: z.number().int().min(0).max(36500).default(defaultHistoryDays),
  /**
   * Addresses of reverse proxies whose X-Forwarded-For is believed: behind them, the client's
   * address is the last one the proxy appended. Nobody else can claim an address.
   */
  trustProxy: z.array(z.string().min(1)).default([]),
  limits: LimitsSchema.default(LimitsSchema.parse({})),
});

export type SyncServerConfigInput = z.input<typeof SyncServerConfigSchema>;
export type SyncServerConfig = z.output<typeof SyncServerConfigSchema>;

/** Fills defaults; the secrets fall back to TTHC_DESK_SECRET / TTHC_DESK_PREVIOUS_SECRET. */
export function parseSyncServerConfig(input: Partial<SyncServerConfigInput>, env: NodeJS.ProcessEnv = process.env): SyncServerConfig {
  return SyncServerConfigSchema.parse({
    ...input,
    secret: input.secret ?? env.TTHC_DESK_SECRET,
    previousSecret: input.previousSecret ?? (env.TTHC_DESK_PREVIOUS_SECRET || undefined),
  });
}
