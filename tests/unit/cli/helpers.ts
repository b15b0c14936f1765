/** Helpers of the CLI tests: run the CLI in-process with captured streams, or as a child process. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../../../electron/cli/program';

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The CLI fixtures folder. */
export const FIXTURES = path.join(ROOT, 'tests/fixtures/cli');

/** What a run produced. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Collect extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Runs the CLI in this process with `cwd` (default: the fixtures folder). */
export async function run(args: string[], cwd = FIXTURES): Promise<RunResult> {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await runCli(args, { stdout, stderr, cwd });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `node [NODE_ARGS] --import tsx electron/cli/main.ts ARGS` as a child process. */
export function runChild(args: string[], cwd = FIXTURES, nodeArgs: string[] = []): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // tsx by absolute URL: `--import tsx` would resolve from the child's cwd.
    const tsx = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, [...nodeArgs, '--import', tsx, path.join(ROOT, 'electron/cli/main.ts'), ...args], {
      cwd,
      env: { ...process.env, npm_lifecycle_event: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A fresh temporary folder and its cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlight-cli-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}
