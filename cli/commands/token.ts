// tthc-desk token --unit UNIT --user USER --role editor|viewer [--ttl SECONDS]: prints only the
// signed token, so it can be piped or pasted into the board settings.
import { roles, signToken, type Role } from '../../sync-server/token.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { CommandIO } from '../main.ts';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags('token', argv, {
    unit: { type: 'string' },
    user: { type: 'string' },
    role: { type: 'string' },
    ttl: { type: 'string' },
  });
  const unit = requireString(values, 'unit');
  const user = requireString(values, 'user');
  const role = requireString(values, 'role');
  if (!(roles as readonly string[]).includes(role)) throw new UsageError('server.badRole', { role });
  const ttl = values.ttl as string | undefined;
  if (ttl !== undefined && !/^[1-9]\d{0,9}$/.test(ttl)) throw new UsageError('server.badTtl', { ttl });
  const secret = process.env.TTHC_DESK_SECRET;
  if (!secret) throw new UsageError('server.noSecret');
  io.stdout(await signToken({ unit, user, role: role as Role, ...(ttl ? { ttlSeconds: Number(ttl) } : {}) }, secret));
  return 0;
}
