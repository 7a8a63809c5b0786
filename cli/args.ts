// Flag parsing for every command: node's parseArgs in strict mode, with its errors turned into
// one sentence an officer can act on.
import type { ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

// node:util from getBuiltinModule: imported as an ES module, a builtin copies (and so loads) every
// export; see sync-server/server.ts (node:http).
const { parseArgs } = process.getBuiltinModule('node:util');

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed { values: Record<string, string | boolean | undefined>; positionals: string[] }

export function parseFlags(command: string, argv: string[], options: Options, maxPositionals = 0): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true }) as Parsed;
  } catch (error) {
    throw translate(command, argv, error as Error & { code?: string });
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError('cli.unexpectedArgument', { arg: extra });
  return parsed;
}

/**
 * `--ttl -5` is a value, not a flag (none of ours is a digit): joined as `--ttl=-5`, it reaches
 * the command's own check, which says what is wrong with it, instead of "--ttl needs a value".
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const takesValue = arg.startsWith('--') && options[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else joined.push(arg);
  }
  return joined;
}

function translate(command: string, argv: string[], error: Error & { code?: string }): UsageError {
  const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('cli.unknownFlag', { flag, command });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return valueProblem(flag, argv, error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError('cli.badArguments', { detail: error.message });
  return new UsageError('cli.badArguments', { detail: error.message });
}

/**
 * node reports three mistakes alike: `--json=yes` on a switch, `--site` at the end, and
 * `--site -x` (a value that starts with a dash, which it will not guess is a value). Each gets its own sentence.
 */
function valueProblem(flag: string, argv: string[], detail: string): UsageError {
  if (/does not take an argument/.test(detail)) return new UsageError('cli.noValue', { flag });
  const next = argv[argv.indexOf(flag) + 1];
  if (next !== undefined && /^-(?!-)/.test(next)) return new UsageError('cli.dashValue', { flag, value: next });
  return new UsageError('cli.missingValue', { flag });
}

export function requireString(values: Parsed['values'], flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string' || value === '') throw new UsageError('cli.missingFlag', { flag: `--${flag}` });
  return value;
}

/** What each store or fan-out address must look like, and the example its message shows. */
const urlShapes = {
  redis: { pattern: /^rediss?:\/\/\S+$/, expected: 'redis://host:6379' },
  postgres: { pattern: /^postgres(ql)?:\/\/\S+$/, expected: 'postgres://user@host:5432/db' },
} as const;

/** An address flag refused here, in the flag's words, before anything tries to connect to it. */
export function urlFlag(flag: keyof typeof urlShapes, url: string): string {
  const { pattern, expected } = urlShapes[flag];
  if (!pattern.test(url)) throw new UsageError('server.badUrl', { flag: `--${flag}`, url, expected });
  return url;
}
