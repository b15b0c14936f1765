// Plain Node file access for the bridge: read picked files, read a folder, write atomically.
// No Electron here, so it is unit-tested on a temp dir.
import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { PickedFile } from './bridge-contract.js';

async function readBytes(file: string): Promise<Uint8Array> {
  const buffer = await readFile(file);
  // A plain Uint8Array of exactly the file's bytes (a Buffer may sit in a larger pool, which IPC would copy whole).
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
}

/** Reads the files at `paths` (in order), named by their base names; fails on the first unreadable or non-regular file. */
export async function readPickedFiles(paths: readonly string[]): Promise<PickedFile[]> {
  return Promise.all(
    paths.map(async (file) => {
      const info = await stat(file);
      if (!info.isFile()) throw new Error(`${file} is not a regular file`);
      return { name: path.basename(file), bytes: await readBytes(file) };
    }),
  );
}

/** Reads the visible regular files directly inside `dir` (no subfolders, no dot files; symlinks to files count), sorted by name. */
export async function readFolderFiles(dir: string): Promise<PickedFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile()) names.push(entry.name);
    else if (entry.isSymbolicLink()) {
      const info = await stat(path.join(dir, entry.name)).catch(() => null);
      if (info?.isFile()) names.push(entry.name);
    }
  }
  names.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return Promise.all(names.map(async (name) => ({ name, bytes: await readBytes(path.join(dir, name)) })));
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(from: string, to: string): Promise<void> {
  // Windows: antivirus or an indexer may hold the target for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !RETRYABLE_RENAME.has(code) || attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/** Writes `content` to `file` all-or-nothing: a temp file beside it is written, flushed to disk, then renamed over it. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const existingMode = await stat(target).then((info) => info.mode & 0o777, () => undefined);
  const handle = await open(temp, 'wx', existingMode ?? 0o666);
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable on POSIX; directories cannot be opened this way on Windows.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on directories; the data itself is already flushed.
  } finally {
    await handle.close();
  }
}
