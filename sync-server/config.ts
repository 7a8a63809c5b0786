// The server's settings, parsed once at the boundary (zod): past this file every value is trusted.
import { z } from 'zod';
import { defaultHistoryDays } from './store.ts';

const MiB = 1024 * 1024;

const LimitsSchema = z.object({
  /** Largest websocket message accepted; a bigger frame closes that one connection (ws maxPayload). */
  maxMessageBytes: z.number().int().min(1024).max(64 * MiB).default(4 * MiB),
  /** Upgrades accepted per client IP in one rolling minute; more are refused with 429. */
  connectionsPerIpPerMinute: z.number().int().min(1).default(120),
  /** Awareness (presence) bytes one connection may send per second; the excess is dropped. */
  awarenessBytesPerSecond: z.number().int().min(256).default(64 * 1024),
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
