// Flag parsing for every command: node's parseArgs in strict mode, with its errors turned into
// one sentence an officer can act on.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed { values: Record<string, string | boolean | undefined>; positionals: string[] }

export function parseFlags(command: string, argv: string[], options: Options, maxPositionals = 0): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (error) {
    throw translate(command, error as Error & { code?: string });
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError('cli.unexpectedArgument', { arg: extra });
  return parsed;
}

function translate(command: string, error: Error & { code?: string }): UsageError {
  const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError('cli.unknownFlag', { flag, command });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError('cli.missingValue', { flag });
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return new UsageError('cli.badArguments', { detail: error.message });
  return new UsageError('cli.badArguments', { detail: error.message });
}

export function requireString(values: Parsed['values'], flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string' || value === '') throw new UsageError('cli.missingFlag', { flag: `--${flag}` });
  return value;
}
