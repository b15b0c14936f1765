/**
 * All-or-nothing output. Text goes to a temporary file (beside --out, so the final rename is atomic;
 * in the system temp folder when the output is stdout) written through a stream that respects
 * backpressure; `commit` renames it into place or copies it to stdout, `abort` deletes it, so a failed
 * conversion leaves no partial file and prints nothing. brat output is a temporary folder renamed
 * into place the same way.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageError } from './errors.js';

const FLUSH_AT = 256 * 1024;

function tempName(dir: string, base: string): string {
  return path.join(dir, `.${base}.spanlight-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/** A text output written to a temporary file until committed. */
export class TextSink {
  private buffered: string[] = [];
  private size = 0;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  private constructor(private readonly temp: string, private readonly target: string | null, private readonly stdout: Writable) {
    this.stream = createWriteStream(temp, { flags: 'wx' });
    this.stream.on('error', (e) => (this.failure ??= e));
  }

  /** Opens a sink for `target` (an absolute path), or for stdout when null. */
  static async open(target: string | null, stdout: Writable): Promise<TextSink> {
    if (target !== null) {
      const dir = path.dirname(target);
      const info = await stat(dir).catch(() => null);
      if (!info?.isDirectory()) throw new UsageError(`--out ${target}: the folder ${dir} does not exist`);
      if ((await stat(target).catch(() => null))?.isDirectory()) throw new UsageError(`--out ${target}: is a folder, expected a file`);
      return new TextSink(tempName(dir, path.basename(target)), target, stdout);
    }
    return new TextSink(tempName(os.tmpdir(), 'stdout'), null, stdout);
  }

  /** Appends text, waiting for the disk when the stream's buffer is full. */
  async write(text: string): Promise<void> {
    if (text === '') return;
    this.buffered.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffered.length === 0) return;
    const chunk = this.buffered.join('');
    this.buffered = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Finishes the file and moves it into place (or copies it to stdout). */
  async commit(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
    if (this.target !== null) {
      await rename(this.temp, this.target);
      return;
    }
    try {
      await pipeline(createReadStream(this.temp), this.stdout, { end: false });
    } finally {
      await rm(this.temp, { force: true });
    }
  }

  /** Drops everything written so far. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }
}

/** A brat output folder, built in a temporary folder beside it until committed. */
export class DirSink {
  private readonly used = new Set<string>();

  private constructor(private readonly temp: string, private readonly target: string) {}

  /** Opens a sink for the folder `target` (absolute), which must not exist or be empty. */
  static async open(target: string): Promise<DirSink> {
    const info = await stat(target).catch(() => null);
    if (info && !info.isDirectory()) throw new UsageError(`--out ${target}: brat output is a folder, and this is a file`);
    if (info && (await readdir(target)).length > 0) throw new UsageError(`--out ${target}: the folder is not empty; brat output needs a new or empty folder`);
    const parent = path.dirname(target);
    if (!(await stat(parent).catch(() => null))?.isDirectory()) throw new UsageError(`--out ${target}: the folder ${parent} does not exist`);
    const temp = tempName(parent, path.basename(target));
    await mkdir(temp);
    return new DirSink(temp, target);
  }

  /** Writes one file (renamed with a numeric suffix if the name is taken). */
  async file(name: string, content: string): Promise<void> {
    let unique = name;
    for (let k = 2; this.used.has(unique.toLowerCase()); k++) unique = name.replace(/(\.[^.]+)$/, `.${k}$1`);
    this.used.add(unique.toLowerCase());
    await writeFile(path.join(this.temp, unique), content, 'utf8');
  }

  /** True when `name` was already written. */
  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }

  /** Moves the folder into place. */
  async commit(): Promise<void> {
    await rmdir(this.target).catch(() => undefined);
    await rename(this.temp, this.target);
  }

  /** Deletes the temporary folder. */
  async abort(): Promise<void> {
    await rm(this.temp, { recursive: true, force: true });
  }
}

/** Writes a small file atomically (temporary file, then rename). */
export async function writeFileAtomic(target: string, content: string): Promise<void> {
  const temp = tempName(path.dirname(target), path.basename(target));
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
