// tthc-desk token --unit UNIT --user USER --role editor|viewer [--ttl SECONDS]: prints only the
// signed token, so it can be piped or pasted into the board settings.
// tthc-desk token --unit UNIT --users officers.csv [--role ROLE] [--ttl SECONDS]: one token per
// officer of the file (columns user and, optionally, role; --role for rows without one), printed
// as CSV with the columns user, role, token.
import { z } from 'zod';
import { roles, signToken, type Role } from '../../sync-server/token.ts';
import { parseFlags, requireString } from '../args.ts';
import { UsageError } from '../errors.ts';
import { readInputFile, readRecords } from '../input.ts';
import type { CommandIO } from '../main.ts';
import { signingSecret } from '../secret.ts';

const OfficerSchema = z.object({
  user: z.string().trim().min(1).max(120),
  role: z.enum(roles).optional().or(z.literal('').transform(() => undefined)),
});

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseFlags('token', argv, {
    unit: { type: 'string' },
    user: { type: 'string' },
    users: { type: 'string' },
    role: { type: 'string' },
    ttl: { type: 'string' },
  });
  const unit = requireString(values, 'unit');
  const role = values.role as string | undefined;
  if (role !== undefined && !(roles as readonly string[]).includes(role)) throw new UsageError('server.badRole', { role });
  const ttl = values.ttl as string | undefined;
  if (ttl !== undefined && !/^[1-9]\d{0,9}$/.test(ttl)) throw new UsageError('server.badTtl', { ttl });
  const lifetime = ttl ? { ttlSeconds: Number(ttl) } : {};
  if (typeof values.users === 'string') {
    if (values.user !== undefined) throw new UsageError('token.userOrUsers');
    const file = values.users;
    const officers = readRecords(OfficerSchema, file, await readInputFile(file));
    const secret = signingSecret();
    const rows = [['user', 'role', 'token']];
    for (const [i, officer] of officers.entries()) {
      const officerRole = officer.role ?? (role as Role | undefined);
      if (!officerRole) throw new UsageError('token.noRole', { file, n: i + 1, user: officer.user });
      rows.push([officer.user, officerRole, await signToken({ unit, user: officer.user, role: officerRole, ...lifetime }, secret)]);
    }
    io.stdout(rows.map((row) => row.map(csvCell).join(',')).join('\n'));
    return 0;
  }
  const user = requireString(values, 'user');
  if (role === undefined) throw new UsageError('cli.missingFlag', { flag: '--role' });
  io.stdout(await signToken({ unit, user, role: role as Role, ...lifetime }, signingSecret()));
  return 0;
}

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
