#!/usr/bin/env node
// Runs the TypeScript CLI under the project's pinned Node (24 strips types natively).
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
