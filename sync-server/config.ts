// The server's settings, parsed once at the boundary: past this file every value is trusted.
// Checked by hand rather than with zod: zod costs the server process about 13 MiB of resident
// memory for a dozen numbers and strings read once at start.
import { defaultHistoryDays } from './store.ts';

const MiB = 1024 * 1024;

/** A numeric setting: its default and bounds (whole unless `fractional`). */
interface NumberRule {
  fallback: number;
  min: number;
  max?: number;
  fractional?: true;
}

const limitRules = {
  /** Largest websocket message accepted; a bigger frame closes that one connection (ws maxPayload). */
  maxMessageBytes: { fallback: 4 * MiB, min: 1024, max: 64 * MiB },
  /**
   * Failed upgrades (no, bad or expired token, other unit, bad room) one address may make in a
   * rolling minute; past it, its failures are answered 429. A valid token is always admitted.
   */
  failedUpgradesPerMinute: { fallback: 60, min: 1 },
  /** Connections one user (the token's `sub`) may hold at once; more are refused with 429. */
  connectionsPerUser: { fallback: 16, min: 1 },
  /**
   * Sockets from one address that have not finished their upgrade; more are closed at once. Real
   * clients finish in milliseconds, so 1,000 officers behind one NAT pass with their backoff.
   */
  pendingSocketsPerAddress: { fallback: 256, min: 1 },
  /** The request's headers must arrive within this, or the socket is closed. */
  headersTimeoutMs: { fallback: 5_000, min: 100 },
  /** Awareness (presence) bytes one connection may send per second; the excess is dropped. */
  awarenessBytesPerSecond: { fallback: 64 * 1024, min: 256 },
  /** Editor updates one user may send per second, after a burst of `updateBurst`. */
  updatesPerSecond: { fallback: 200, min: 1 },
  updateBurst: { fallback: 2_000, min: 1 },
  /** Update bytes one user may send per second, after a burst of `updateBytesBurst`. */
  updateBytesPerSecond: { fallback: 1 * MiB, min: 1024 },
  updateBytesBurst: { fallback: 8 * MiB, min: 1024 },
  /**
   * Over budget a user's connection is slowed (its socket is not read until the budget is back);
   * a user slowed without pause for this long is closed (code 4529, "too many updates")...
   */
  maxThrottleSeconds: { fallback: 10, min: 0, fractional: true },
  /** ...and their upgrades are refused (429) for this long. */
  floodCooldownSeconds: { fallback: 60, min: 0, fractional: true },
  /** Stored bytes one room may hold; an update that would pass it is refused (code 4413). */
  roomQuotaBytes: { fallback: 64 * MiB, min: 1024 },
  /** A socket that does not answer a ping within this interval is dropped. */
  pingIntervalMs: { fallback: 30_000, min: 50 },
} satisfies Record<string, NumberRule>;

const serverNumberRules = {
  port: { fallback: 1234, min: 0, max: 65535 },
  /** A room with no connection leaves memory after this long. */
  roomGraceMs: { fallback: 30_000, min: 0 },
  /** A room with no edit for this long drops its Y.Doc and keeps only the encoded state. */
  roomHibernateMs: { fallback: 10_000, min: 0 },
  /** The update log of a room is folded into its snapshot after this many appended updates. */
  compactAfterUpdates: { fallback: 500, min: 1 },
  /** Days each update is kept with its time and author (restorable); older ones are folded into the base. */
  historyDays: { fallback: defaultHistoryDays, min: 0, max: 36500 },
} satisfies Record<string, NumberRule>;

export type SyncServerLimits = { [name in keyof typeof limitRules]: number };

export type SyncServerConfig = { [name in keyof typeof serverNumberRules]: number } & {
  host: string;
  /** Directory of the embedded SQLite store (ignored when postgresUrl is set). */
  dataDir: string;
  /** With Redis, instances share rooms: edits and presence reach officers on other instances. */
  redisUrl?: string;
  /** With PostgreSQL, instances share the store. */
  postgresUrl?: string;
  /** Signing secret of tokens (TTHC_DESK_SECRET). */
  secret: string;
  /** The secret being rotated out (TTHC_DESK_PREVIOUS_SECRET): still accepted during the rotation window. */
  previousSecret?: string;
  /**
   * Addresses of reverse proxies whose X-Forwarded-For is believed: behind them, the client's
   * address is the last one the proxy appended. Nobody else can claim an address.
   */
  trustProxy: string[];
  limits: SyncServerLimits;
};

/** What a caller may give: every setting but the secret has a default. */
export type SyncServerConfigInput = Partial<Omit<SyncServerConfig, 'secret' | 'limits'>> & { secret: string; limits?: Partial<SyncServerLimits> };

/** A setting out of bounds; `path` names it as in the input (`limits.maxMessageBytes`). */
export class ConfigError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.path = path;
  }
}

/** Fills defaults; the secrets fall back to TTHC_DESK_SECRET / TTHC_DESK_PREVIOUS_SECRET. */
export function parseSyncServerConfig(input: Partial<SyncServerConfigInput>, env: NodeJS.ProcessEnv = process.env): SyncServerConfig {
  const config: SyncServerConfig = {
    ...numbers(input, serverNumberRules, ''),
    host: text(input.host ?? '127.0.0.1', 'host'),
    dataDir: text(input.dataDir ?? './data', 'dataDir'),
    secret: text(input.secret ?? env.TTHC_DESK_SECRET, 'secret'),
    trustProxy: addresses(input.trustProxy ?? []),
    limits: numbers(input.limits ?? {}, limitRules, 'limits.'),
  };
  const previousSecret = input.previousSecret ?? (env.TTHC_DESK_PREVIOUS_SECRET || undefined);
  if (previousSecret !== undefined) config.previousSecret = text(previousSecret, 'previousSecret');
  if (input.redisUrl !== undefined) config.redisUrl = url(input.redisUrl, 'redisUrl', /^rediss?:\/\//, 'redis:// or rediss:// URL');
  if (input.postgresUrl !== undefined) config.postgresUrl = url(input.postgresUrl, 'postgresUrl', /^postgres(ql)?:\/\//, 'postgres:// URL');
  return config;
}

function numbers<Rules extends Record<string, NumberRule>>(input: object, rules: Rules, prefix: string): { [name in keyof Rules]: number } {
  const given = input as Record<string, unknown>;
  const parsed = {} as Record<string, number>;
  for (const [name, rule] of Object.entries(rules)) parsed[name] = number(given[name] ?? rule.fallback, rule, `${prefix}${name}`);
  return parsed as { [name in keyof Rules]: number };
}

function number(value: unknown, rule: NumberRule, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ConfigError(path, 'expected a number');
  if (!rule.fractional && !Number.isInteger(value)) throw new ConfigError(path, 'expected a whole number');
  if (value < rule.min) throw new ConfigError(path, `must be ≥ ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) throw new ConfigError(path, `must be ≤ ${rule.max}`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(path, 'expected a non-empty string');
  return value;
}

function url(value: unknown, path: string, shape: RegExp, expected: string): string {
  const given = text(value, path);
  if (!shape.test(given)) throw new ConfigError(path, `expected a ${expected}`);
  return given;
}

function addresses(value: unknown): string[] {
  if (!Array.isArray(value)) throw new ConfigError('trustProxy', 'expected a list of addresses');
  return value.map((address, index) => text(address, `trustProxy.${index}`));
}
