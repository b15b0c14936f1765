// Plain Node file access for the bridge: read picked files, read a folder, write a file atomically,
// write several files into a new folder all or nothing, refuse file names not portable to every OS.
// No Electron here, so it is unit-tested on a temp dir.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
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

/** Windows device names, refused whatever the extension (`nul`, `nul.txt`, `COM1.ann`). */
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Why `name` cannot be a file name on every one of Windows, macOS and Linux, or null when it can:
 * empty, `.`/`..`, more than 255 bytes of UTF-8, a path separator or one of `<>:"|?*`, a control
 * character, a trailing dot or space, or a Windows device name (`con`, `nul`, `com1`, …).
 */
export function portableNameProblem(name: string): string | null {
  if (name === '' || name === '.' || name === '..') return 'is not a file name';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > 255) return `is ${bytes} bytes long in UTF-8 (file systems allow 255)`;
  // eslint-disable-next-line no-control-regex
  const bad = /[<>:"/\\|?*\u0000-\u001f\u007f]/.exec(name);
  if (bad) return `holds ${bad[0].charCodeAt(0) < 0x20 || bad[0] === '\u007f' ? `the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `"${bad[0]}"`}, which Windows (or every system) refuses in file names`;
  if (/[. ]$/.test(name)) return 'ends with a dot or a space, which Windows drops';
  if (RESERVED_NAME.test(name)) return 'is a device name on Windows';
  return null;
}

/** The problems of a set of file names to write into one folder: each name's, and names that differ only by case (one file on Windows and macOS). */
export function fileNamesProblems(names: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const problem = portableNameProblem(name);
    if (problem) problems.push(`${JSON.stringify(name)} ${problem}`);
    const key = name.normalize('NFC').toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) problems.push(`${JSON.stringify(name)} and ${JSON.stringify(other)} differ only by case or accents, and would be one file on Windows and macOS`);
    else seen.set(key, name);
  }
  return problems;
}

/** A folder name under `parent` that does not exist yet: `base`, else `base (2)`, `base (3)`, … */
export async function freshFolderName(parent: string, base: string): Promise<string> {
  for (let k = 1; ; k++) {
    const name = k === 1 ? base : `${base} (${k})`;
    const exists = await stat(path.join(parent, name)).then(() => true, () => false);
    if (!exists) return name;
  }
}

/** Writes `content` to a new file (never an existing one) and flushes it to disk. */
async function writeNewFile(file: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Options of `writeFilesToNewFolder`. */
export interface NewFolderOptions {
  /** Writes one file (tests inject failures); default: a new file, flushed to disk. */
  writeOne?: (file: string, content: string | Uint8Array) => Promise<void>;
}

/**
 * Writes files into a new folder under `parent`, named `folder` (or `folder (2)`, … when taken):
 * every name is checked first (see `fileNamesProblems`) and nothing is written when one is not
 * portable; the files go into a hidden temporary folder beside it, which is renamed into place only
 * once all are written and flushed, so a failure leaves nothing behind and nothing is ever replaced.
 * Returns the folder's path.
 */
export async function writeFilesToNewFolder(
  parent: string,
  folder: string,
  files: readonly { name: string; content: string | Uint8Array }[],
  options: NewFolderOptions = {},
): Promise<string> {
  const problems = fileNamesProblems([folder, ...files.map((f) => f.name)]);
  if (problems.length > 0) throw new Error(`Nothing was written: ${problems.join('; ')}.`);
  const temp = path.join(parent, `.${folder}.${randomBytes(6).toString('hex')}.partial`);
  await mkdir(temp);
  try {
    const writeOne = options.writeOne ?? writeNewFile;
    for (const file of files) await writeOne(path.join(temp, file.name), file.content);
    await syncDirectory(temp);
    const name = await freshFolderName(parent, folder);
    await renameWithRetry(temp, path.join(parent, name));
    await syncDirectory(parent);
    return path.join(parent, name);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
