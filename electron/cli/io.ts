/** The streams and working directory a command runs with (injected by tests, the process's own otherwise). */
import type { Writable } from 'node:stream';

/** Where a command writes and which directory relative paths start from. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  cwd: string;
}

/** The process's own stdout, stderr and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

/** Writes one line to a stream. */
export function writeLine(stream: Writable, line: string): void {
  stream.write(`${line}\n`);
}
