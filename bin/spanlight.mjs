#!/usr/bin/env node
// The `spanlight` bin: runs the compiled CLI with plain Node (no tsx, no TypeScript at run time).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist-electron/electron/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('spanlight: the CLI is not compiled yet; run `npm run build:electron` (or use `npm run -s spanlight -- ARGS` inside the checkout)');
  process.exit(2);
}
await import(main.href);
