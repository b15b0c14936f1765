/**
 * Streams a file as raw lines of bytes (split on LF, the terminator and a CR before it removed),
 * each with its 1-based number and the byte offset where it starts, a chunk of lines at a time.
 * Working on bytes rather than node:readline strings keeps invalid UTF-8 detectable, byte for byte;
 * the lines of a chunk checked as valid UTF-8 at once are marked so. Memory holds
 * one chunk plus the current line.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

/** One line of a file. */
export interface RawLine {
  /** 1-based line number. */
  line: number;
  /** The line's bytes without "\n" (and without a "\r" before it); a view into the chunk read. */
  bytes: Buffer;
  /** Byte offset in the file of the first byte of `bytes`. */
  offset: number;
  /** False for a last line that has no terminator. */
  terminated: boolean;
  /** True when the line is known to be valid UTF-8 (its chunk was checked in one go): decode it without checking again. */
  utf8?: boolean;
}

/** Options of `readLines`. */
export interface ReadLinesOptions {
  /** Drop a UTF-8 byte order mark at the start of the file (default true). */
  stripBom?: boolean;
  /** Read chunk size in bytes (default 1 MiB). */
  chunkSize?: number;
  /** Check each chunk's lines as UTF-8 in one go and mark them (`RawLine.utf8`) (default false). */
  checkUtf8?: boolean;
}

function withoutCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Yields the lines of a file a chunk at a time (each array holds the lines the chunk completed); a
 * final empty piece after the last "\n" is not a line.
 */
export async function* readLineChunks(path: string, options: ReadLinesOptions = {}): AsyncGenerator<RawLine[]> {
  let strip = options.stripBom !== false;
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let fileOffset = 0;
  let line = 0;
  const dropBom = (bytes: Buffer, offset: number): [Buffer, number] => {
    if (!strip) return [bytes, offset];
    strip = false;
    return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? [bytes.subarray(3), offset + 3] : [bytes, offset];
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const base = fileOffset;
    fileOffset += chunk.length;
    let nl = chunk.indexOf(0x0a);
    if (nl === -1) {
      // A long line: its pieces wait for its end (joined once, not chunk by chunk).
      if (pending.length === 0) pendingStart = base;
      pending.push(chunk);
      continue;
    }
    const out: RawLine[] = [];
    // The line that started in earlier chunks (or at this chunk's start) ends at the first newline.
    const first = pending.length === 0 ? chunk.subarray(0, nl) : Buffer.concat([...pending, chunk.subarray(0, nl)]);
    const [firstBytes, firstOffset] = dropBom(first, pending.length === 0 ? base : pendingStart);
    out.push({ line: ++line, bytes: withoutCr(firstBytes), offset: firstOffset, terminated: true });
    pending = [];
    const restStart = nl + 1;
    const lastNl = chunk.lastIndexOf(0x0a);
    if (lastNl >= restStart) {
      // The lines wholly inside this chunk, checked as UTF-8 in one go and decoded line by line (a
      // line of Latin-1 characters stays a one-byte string, half the size of a chunk-wide one).
      const valid = options.checkUtf8 === true && isUtf8(chunk.subarray(restStart, lastNl));
      let from = restStart;
      for (nl = chunk.indexOf(0x0a, from); nl !== -1 && nl <= lastNl; nl = chunk.indexOf(0x0a, from)) {
        const bytes = withoutCr(chunk.subarray(from, nl));
        const l: RawLine = { line: ++line, bytes, offset: base + from, terminated: true };
        if (valid) l.utf8 = true;
        out.push(l);
        from = nl + 1;
      }
    }
    if (lastNl + 1 < chunk.length) {
      pending = [Buffer.from(chunk.subarray(lastNl + 1))];
      pendingStart = base + lastNl + 1;
    }
    yield out;
  }
  if (pending.length > 0) {
    const [bytes, offset] = dropBom(Buffer.concat(pending), pendingStart);
    yield [{ line: ++line, bytes: withoutCr(bytes), offset, terminated: false }];
  }
}

/** Yields the lines of a file one by one (see `readLineChunks`). */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<RawLine> {
  for await (const chunk of readLineChunks(path, options)) yield* chunk;
}

