/** Resolves the input of a command: the path, whether it is a folder, and its format (given or detected). */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectFormat, isFormatId, FORMATS, type FormatId } from '../../core/formats/index.js';
import { isBlankText } from '../../core/formats/dispatch.js';
import { UsageError } from './errors.js';

/** What a command reads. */
export interface InputSpec {
  /** Absolute path. */
  path: string;
  /** The path as the user gave it, used in messages. */
  display: string;
  /** True for a folder (brat pairs or .txt files). */
  isDir: boolean;
  format: FormatId;
  /** True for a file holding nothing but whitespace (reported as a problem, not a usage error). */
  empty?: boolean;
}

/** Names of every format, for messages and help. */
export const FORMAT_IDS: readonly FormatId[] = FORMATS.map((f) => f.id);

/** Checks a `--from`/`--to` value. */
export function parseFormat(value: string, option: string): FormatId {
  if (!isFormatId(value)) throw new UsageError(`${option}: unknown format "${value}" (expected one of ${FORMAT_IDS.join(', ')})`);
  return value;
}

/** Files up to this size are checked for being blank. */
const SMALL = 64 * 1024;

/** Longest first record read to detect a format. */
const MAX_SNIFF = 16 * 1024 * 1024;

/** Bytes kept of the end of a first line too long to read whole (a record's spans come after its text). */
const TAIL = 4 * 1024 * 1024;

/**
 * The start of a file for sniffing, decoded leniently: at least `size` bytes and the whole first line
 * (up to 16 MB), since a long JSONL record can hold its spans after a megabyte of text. A longer first
 * line is given as its first 16 MB and its last 4 MB (a record's keys after its text are there).
 */
export async function firstChunk(file: string, size = 64 * 1024): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const parts: Buffer[] = [];
    let total = 0;
    let complete = false;
    for (;;) {
      const buf = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buf, 0, size, total);
      const part = buf.subarray(0, bytesRead);
      parts.push(part);
      total += bytesRead;
      complete = bytesRead < size || part.includes(10);
      if (complete || total >= MAX_SNIFF) break;
    }
    const head = Buffer.concat(parts).toString('utf8');
    if (complete) return head;
    // Find where the first line ends, keeping only its last bytes.
    const buf = Buffer.alloc(1 << 20);
    let tail = Buffer.alloc(0);
    for (let at = total; ; ) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, at);
      if (bytesRead === 0) break;
      const part = buf.subarray(0, bytesRead);
      const nl = part.indexOf(10);
      tail = Buffer.concat([tail, nl >= 0 ? part.subarray(0, nl) : part]).subarray(-TAIL);
      if (nl >= 0) break;
      at += bytesRead;
    }
    return `${head}${tail.toString('utf8')}`;
  } finally {
    await handle.close();
  }
}

async function detectDir(dir: string, display: string): Promise<FormatId> {
  const names = await readdir(dir);
  if (names.some((n) => n.toLowerCase().endsWith('.ann'))) return 'brat';
  const tsv = names.find((n) => n.toLowerCase().endsWith('.tsv'));
  if (tsv && detectFormat(tsv, await firstChunk(path.join(dir, tsv), 4096)) === 'webanno') return 'webanno';
  if (names.some((n) => n.toLowerCase().endsWith('.txt'))) return 'text';
  throw new UsageError(`${display}: the folder holds no .ann, WebAnno .tsv or .txt files`);
}

/** Stats the input and settles its format; throws UsageError when it is missing or its format unknown. */
export async function resolveInput(input: string, cwd: string, from: FormatId | undefined): Promise<InputSpec> {
  const abs = path.resolve(cwd, input);
  let isDir: boolean;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch {
    throw new UsageError(`${input}: no such file or folder`);
  }
  if (isDir) {
    const format = from ?? (await detectDir(abs, input));
    if (format !== 'brat' && format !== 'text' && format !== 'webanno') throw new UsageError(`${input}: a folder can only be read as brat pairs, WebAnno .tsv files or .txt files, not ${format}`);
    return { path: abs, display: input, isDir, format };
  }
  // An empty (or blank) file is a problem of the input, not a usage error; but an empty brat .ann
  // is a document without annotations.
  if ((await stat(abs)).size <= SMALL && isBlankText(await firstChunk(abs, SMALL))) {
    const format = from ?? detectFormat(abs, '') ?? 'text';
    if (format !== 'brat') return { path: abs, display: input, isDir, format, empty: true };
  }
  if (from) return { path: abs, display: input, isDir, format: from };
  const detected = detectFormat(abs, await firstChunk(abs));
  if (!detected) throw new UsageError(`${input}: cannot tell the format from the name and content; pass --from (${FORMAT_IDS.join(', ')})`);
  return { path: abs, display: input, isDir, format: detected };
}
