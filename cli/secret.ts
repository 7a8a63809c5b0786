// The token signing secret, refused when missing or short: an HS256 secret of a few characters is
// found offline from any one token, after which anyone can sign tokens for any unit.
import { UsageError } from './errors.ts';

export const minSecretBytes = 32;
/** What the refusal tells the person to run (either makes 64 base64 characters, 48 random bytes). */
const makeSecret = `openssl rand -base64 48  |  node -e "console.log(require('node:crypto').randomBytes(48).toString('base64'))"`;

/** TTHC_DESK_SECRET, checked. */
export function signingSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.TTHC_DESK_SECRET;
  if (!secret) throw new UsageError('server.noSecret');
  return strongSecret('TTHC_DESK_SECRET', secret);
}

/** TTHC_DESK_PREVIOUS_SECRET (optional), checked like the current one: it signs valid tokens too. */
export function previousSecret(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const secret = env.TTHC_DESK_PREVIOUS_SECRET;
  return secret ? strongSecret('TTHC_DESK_PREVIOUS_SECRET', secret) : undefined;
}

function strongSecret(name: string, secret: string): string {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < minSecretBytes) throw new UsageError('secret.tooShort', { name, bytes, min: minSecretBytes, command: makeSecret });
  return secret;
}
