// The server's settings as parsed at the boundary: defaults filled, every bound enforced with the
// setting's path in the message, unknown keys left out, and the secret taken from the environment.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseSyncServerConfig } from './config.ts';

const secret = 'config-test-secret-0123456789abcd';

describe('parseSyncServerConfig', () => {
  it('fills every default, limits included', () => {
    const config = parseSyncServerConfig({ secret });
    expect(config).toMatchObject({ port: 1234, host: '127.0.0.1', dataDir: './data', roomGraceMs: 30_000, roomHibernateMs: 10_000, compactAfterUpdates: 500, historyDays: 30, trustProxy: [] });
    expect(config.limits).toMatchObject({ maxMessageBytes: 4 * 1024 * 1024, connectionsPerUser: 16, pingIntervalMs: 30_000, maxThrottleSeconds: 10 });
    expect(config.redisUrl).toBeUndefined();
    expect(config.previousSecret).toBeUndefined();
  });

  it('keeps the limits given and defaults the others', () => {
    const { limits } = parseSyncServerConfig({ secret, limits: { maxMessageBytes: 2048 } });
    expect(limits.maxMessageBytes).toBe(2048);
    expect(limits.failedUpgradesPerMinute).toBe(60);
  });

  it('takes the secrets from the environment when not given', () => {
    const config = parseSyncServerConfig({}, { TTHC_DESK_SECRET: secret, TTHC_DESK_PREVIOUS_SECRET: 'old-one' });
    expect(config.secret).toBe(secret);
    expect(config.previousSecret).toBe('old-one');
    expect(parseSyncServerConfig({}, { TTHC_DESK_SECRET: secret, TTHC_DESK_PREVIOUS_SECRET: '' }).previousSecret).toBeUndefined();
  });

  it.each([
    [{ port: 70_000 }, 'port: must be ≤ 65535'],
    [{ port: 1.5 }, 'port: expected a whole number'],
    [{ historyDays: -1 }, 'historyDays: must be ≥ 0'],
    [{ host: '' }, 'host: expected a non-empty string'],
    [{ redisUrl: 'http://x' }, 'redisUrl: expected a redis:// or rediss:// URL'],
    [{ postgresUrl: 'mysql://x' }, 'postgresUrl: expected a postgres:// URL'],
    [{ trustProxy: ['10.0.0.1', ''] }, 'trustProxy.1: expected a non-empty string'],
    [{ limits: { maxMessageBytes: 100 } }, 'limits.maxMessageBytes: must be ≥ 1024'],
    [{ limits: { pingIntervalMs: Number.NaN } }, 'limits.pingIntervalMs: expected a number'],
  ])('refuses %j: %s', (input, message) => {
    expect(() => parseSyncServerConfig({ secret, ...input })).toThrow(new ConfigError(message.split(':')[0]!, message.slice(message.indexOf(':') + 2)));
  });

  it('refuses a missing secret', () => {
    expect(() => parseSyncServerConfig({}, {})).toThrow('secret: expected a non-empty string');
  });

  it('accepts fractional seconds where they make sense', () => {
    expect(parseSyncServerConfig({ secret, limits: { floodCooldownSeconds: 0.5 } }).limits.floodCooldownSeconds).toBe(0.5);
  });

  it('leaves out keys it does not know', () => {
    const config = parseSyncServerConfig({ secret, ...({ surprise: 1 } as object) });
    expect(config).not.toHaveProperty('surprise');
  });
});
