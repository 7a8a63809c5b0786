#!/usr/bin/env node
// Runs the TypeScript CLI under the project's pinned Node (24 strips types natively).
import { enableCompileCache } from 'node:module';

// Stripping types loads a WebAssembly compiler whose memory only grows (about 20 MiB for the
// server's files): the compile cache keeps each file's stripped and compiled code, so a start
// after the first strips nothing. Set NODE_COMPILE_CACHE to choose where (default: the temp dir).
enableCompileCache();
const { main } = await import('./main.ts');

// A reader that stops early (`tthc-desk export … | head`) closes the pipe: what is left is not
// wanted, so the command ends quietly rather than with a stack trace about a broken pipe.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
