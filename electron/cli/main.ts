/** Entry of the `spanlight` CLI (bin/spanlight.mjs imports the compiled file; `npm run spanlight` runs it with tsx). */
import { runCli } from './program.js';

// `npm run spanlight` runs from the package root: resolve paths from where the user typed the command.
const cwd = process.env.npm_lifecycle_event === 'spanlight' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();

// A closed pipe (`spanlight convert ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd });
