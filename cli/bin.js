#!/usr/bin/env node
// Runs the TypeScript CLI under the project's pinned Node (24 strips types natively).
import { main } from './main.ts';

// A reader that stops early (`tthc-desk export … | head`) closes the pipe: what is left is not
// wanted, so the command ends quietly rather than with a stack trace about a broken pipe.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
