// The `tthc-desk` command: finds the command's module and turns a person's mistake into one
// sentence on stderr with exit code 2. Each command is one file in cli/commands/.
import { bilingual } from '../shared/i18n/i18n.ts';
import { UsageError } from './errors.ts';

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CommandModule {
  run(argv: string[], io: CommandIO): Promise<number>;
}

export const commands = ['deadline', 'check', 'parse', 'kpi', 'report', 'token', 'serve', 'export', 'import', 'history', 'restore', 'backup'] as const;

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === '--help' || name === '-h') {
      io.stdout(bilingual('cli.usage', { commands: commands.join(', ') }));
      return 0;
    }
    // No command is a mistake like any other: its one sentence goes to stderr, not into a pipe.
    if (name === undefined) throw new UsageError('cli.usage', { commands: commands.join(', ') });
    if (!(commands as readonly string[]).includes(name)) throw new UsageError('cli.unknownCommand', { command: name, commands: commands.join(', ') });
    const module = (await import(`./commands/${name}.ts`)) as CommandModule;
    return await module.run(rest, io);
  } catch (error) {
    // A date beyond the working calendar (1990–2100) can only have come from the input. The
    // calendar is loaded here, not up front: `serve` never needs its holiday tables.
    if (error instanceof UsageError || (await isCalendarRangeError(error))) {
      io.stderr((error as Error).message);
      return 2;
    }
    io.stderr(bilingual('cli.internalError', { detail: (error as Error).message }));
    return 1;
  }
}

async function isCalendarRangeError(error: unknown): Promise<boolean> {
  const { CalendarRangeError } = await import('../shared/calendar/calendar.ts');
  return error instanceof CalendarRangeError;
}
