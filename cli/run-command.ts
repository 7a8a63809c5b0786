// For the CLI's tests: runs one command in this process and collects what it printed.
import { main } from './main.ts';

export async function runCommand(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, out, err };
}
