// tthc-desk serve: runs the sync server until SIGTERM/SIGINT, then stores what is left and exits.
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { bilingual } from '../../shared/i18n/i18n.ts';
import { ConfigError, parseSyncServerConfig, type SyncServerConfig } from '../../sync-server/config.ts';
import { startSyncServer } from '../../sync-server/server.ts';
import { sqliteFileName } from '../../sync-server/sqlite-store.ts';
import { parseFlags, urlFlag } from '../args.ts';
import { UsageError } from '../errors.ts';
import { previousSecret, signingSecret } from '../secret.ts';
import type { CommandIO } from '../main.ts';

// node:fs from getBuiltinModule, not imported as an ES module: see sync-server/server.ts (node:http).
const { existsSync, rmSync } = process.getBuiltinModule('node:fs');

export async function run(argv: string[], io: CommandIO): Promise<number> {
  keepYoungGenerationSmall();
  const config = configFromFlags(argv);
  const created = config.postgresUrl ? [] : pathsAStartCreates(config.dataDir);
  let server;
  try {
    server = await startSyncServer(config);
  } catch (error) {
    // A refused start leaves nothing behind: no new data directory, no empty store file.
    for (const path of created) rmSync(path, { recursive: true, force: true });
    const mistake = startMistake(error as NodeJS.ErrnoException, config);
    if (mistake) throw mistake;
    io.stderr(bilingual('server.cannotStart', { detail: (error as Error).message }));
    return 1;
  }
  // Listening for the stop signals before saying "listening": whoever waits for that line may
  // send SIGTERM at once, and without a handler it would kill the process unflushed.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  io.stdout(
    bilingual('server.listening', {
      url: server.url,
      store: config.postgresUrl ? 'PostgreSQL' : `SQLite (${config.dataDir})`,
      fanout: config.redisUrl ? 'Redis' : 'local',
    }),
  );
  await stopped;
  io.stdout(bilingual('server.stopping'));
  await server.close();
  io.stdout(bilingual('server.stopped'));
  return 0;
}

/**
 * The server's garbage is short-lived (a message, its decoding, its frames), so V8 would grow the
 * young generation to 32 MiB and more under load, and keep it: about 27 MiB of the process's peak
 * RSS in bench:sync. Without growth it stays at its initial size, scavenged more often, each
 * scavenge as short; measured in the same runs, CPU and p99 did not get worse. V8 reads this flag
 * at every scavenge, so setting it here (not on node's command line) is how `serve` always runs.
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** What starting would create: the first missing directory of --data, or else the store's files. */
function pathsAStartCreates(dataDir: string): string[] {
  if (existsSync(dataDir)) {
    const store = join(dataDir, sqliteFileName);
    return existsSync(store) ? [] : [store, `${store}-wal`, `${store}-shm`, `${store}-journal`];
  }
  let first = dataDir;
  while (!existsSync(dirname(first)) && dirname(first) !== first) first = dirname(first);
  return [first];
}

/** Start failures that the flags caused (a busy port, an unknown host, a data path that is a file or no store). */
function startMistake(error: NodeJS.ErrnoException, config: SyncServerConfig): UsageError | null {
  if (error.code === 'EADDRINUSE') return new UsageError('server.portInUse', { port: config.port });
  if (error.syscall === 'getaddrinfo' || error.code === 'EADDRNOTAVAIL') return new UsageError('server.badHost', { host: config.host });
  if (error.code === 'ERR_SQLITE_ERROR') return new UsageError('server.badStore', { file: join(config.dataDir, sqliteFileName), detail: error.message });
  if (error.syscall === 'mkdir' || error.code === 'ENOTDIR' || error.code === 'EACCES') {
    return new UsageError('server.badDataDir', { dir: config.dataDir, reason: error.code ?? error.message });
  }
  return null;
}

function configFromFlags(argv: string[]): SyncServerConfig {
  const { values } = parseFlags('serve', argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    redis: { type: 'string' },
    postgres: { type: 'string' },
    'max-message-bytes': { type: 'string' },
    'failed-upgrades-per-minute': { type: 'string' },
    'connections-per-user': { type: 'string' },
    'room-quota-bytes': { type: 'string' },
    'trust-proxy': { type: 'string', multiple: true },
    'history-days': { type: 'string' },
  });
  const secret = signingSecret();
  const previous = previousSecret();
  const port = values.port as string | undefined;
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) throw new UsageError('server.badPort', { port });
  const redis = typeof values.redis === 'string' ? urlFlag('redis', values.redis) : undefined;
  const postgres = typeof values.postgres === 'string' ? urlFlag('postgres', values.postgres) : undefined;
  const limits: Record<string, number> = {};
  const maxMessage = wholeNumber(values, 'max-message-bytes');
  if (maxMessage !== undefined) limits.maxMessageBytes = maxMessage;
  const failedPerMinute = wholeNumber(values, 'failed-upgrades-per-minute');
  if (failedPerMinute !== undefined) limits.failedUpgradesPerMinute = failedPerMinute;
  const perUser = wholeNumber(values, 'connections-per-user');
  if (perUser !== undefined) limits.connectionsPerUser = perUser;
  const roomQuota = wholeNumber(values, 'room-quota-bytes');
  if (roomQuota !== undefined) limits.roomQuotaBytes = roomQuota;
  const trustProxy = values['trust-proxy'] as unknown as string[] | undefined;
  const historyDays = wholeNumber(values, 'history-days');
  try {
    return parseSyncServerConfig({
      secret,
      ...(previous ? { previousSecret: previous } : {}),
      ...(historyDays !== undefined ? { historyDays } : {}),
      ...(port !== undefined ? { port: Number(port) } : {}),
      ...(typeof values.host === 'string' ? { host: values.host } : {}),
      ...(typeof values.data === 'string' ? { dataDir: values.data } : {}),
      ...(redis ? { redisUrl: redis } : {}),
      ...(postgres ? { postgresUrl: postgres } : {}),
      ...(trustProxy ? { trustProxy } : {}),
      limits,
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new UsageError('server.badConfig', { detail: error.message });
  }
}

function wholeNumber(values: Record<string, unknown>, flag: string): number | undefined {
  const value = values[flag];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) throw new UsageError('cli.badWholeNumber', { flag: `--${flag}`, value: String(value) });
  return Number(value);
}
