/**
 * All-or-nothing output. Text goes to a temporary file (beside --out, so the final rename is atomic;
 * in the system temp folder when the output is stdout), encoded into a reused buffer and written when
 * it fills; `commit` renames it into place or copies it to stdout, `abort` deletes it, so a failed
 * conversion leaves no partial file and prints nothing. brat output is a temporary folder renamed
 * into place the same way.
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageError } from './errors.js';

/** Size of the buffer text is encoded into before it goes to disk. */
const BUFFER_SIZE = 1 << 20;

function tempName(dir: string, base: string): string {
  return path.join(dir, `.${base}.spanlight-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/**
 * A text output written to a temporary file until committed. Text is encoded as UTF-8 straight into
 * one reused buffer and written with plain file writes when it fills: no joined strings, no copies.
 */
export class TextSink {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_SIZE);
  private used = 0;
  private fd: number | null;

  private constructor(private readonly temp: string, private readonly target: string | null, private readonly stdout: Writable) {
    this.fd = openSync(temp, 'wx');
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

  /** Appends text (encoded as UTF-8). */
  async write(text: string): Promise<void> {
    this.append(text);
  }

  /** Appends text synchronously (the CLI writes a record at a time; the disk write happens when the buffer fills). */
  append(text: string): void {
    if (text === '') return;
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > BUFFER_SIZE) {
      this.flush();
      if (text.length * 3 > BUFFER_SIZE) {
        this.writeBytes(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private writeBytes(bytes: Uint8Array): void {
    if (this.fd === null) throw new Error('the output is closed');
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeBytes(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** Finishes the file and moves it into place (or copies it to stdout). */
  async commit(): Promise<void> {
    this.flush();
    closeSync(this.fd!);
    this.fd = null;
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
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    await rm(this.temp, { force: true });
  }
}

/** A brat or WebAnno output folder, built in a temporary folder beside it until committed. */
export class DirSink {
  private readonly used = new Set<string>();
  /** The file being streamed into (one at a time). */
  private streaming: number | null = null;

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

  private unique(name: string): string {
    let unique = name;
    for (let k = 2; this.used.has(unique.toLowerCase()); k++) unique = name.replace(/(\.[^.]+)$/, `.${k}$1`);
    this.used.add(unique.toLowerCase());
    return unique;
  }

  /** Writes one file (renamed with a numeric suffix if the name is taken). */
  async file(name: string, content: string): Promise<void> {
    this.endStream();
    await writeFile(path.join(this.temp, this.unique(name)), content, 'utf8');
  }

  /** Opens a file to write in pieces (the previous one streamed is finished); returns what appends to it. */
  stream(name: string): (chunk: string) => void {
    this.endStream();
    const fd = openSync(path.join(this.temp, this.unique(name)), 'wx');
    this.streaming = fd;
    return (chunk) => {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    };
  }

  private endStream(): void {
    if (this.streaming !== null) closeSync(this.streaming);
    this.streaming = null;
  }

  /** True when `name` was already written. */
  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }

  /** Moves the folder into place. */
  async commit(): Promise<void> {
    this.endStream();
    await rmdir(this.target).catch(() => undefined);
    await rename(this.temp, this.target);
  }

  /** Deletes the temporary folder. */
  async abort(): Promise<void> {
    this.endStream();
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
