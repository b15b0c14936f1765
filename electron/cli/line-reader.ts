/**
 * Streams a file as raw lines of bytes (split on LF, the terminator and a CR before it removed),
 * each with its 1-based number and the byte offset where it starts. Working on bytes rather than
 * node:readline strings keeps invalid UTF-8 detectable, byte for byte; memory holds one chunk plus
 * the current line.
 */
import { createReadStream } from 'node:fs';

/** One line of a file. */
export interface RawLine {
  /** 1-based line number. */
  line: number;
  /** The line's bytes without "\n" (and without a "\r" before it). */
  bytes: Buffer;
  /** Byte offset in the file of the first byte of `bytes`. */
  offset: number;
  /** False for a last line that has no terminator. */
  terminated: boolean;
}

/** Options of `readLines`. */
export interface ReadLinesOptions {
  /** Drop a UTF-8 byte order mark at the start of the file (default true). */
  stripBom?: boolean;
  /** Read chunk size in bytes (default 1 MiB). */
  chunkSize?: number;
}

function withoutCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;
}

/** The line record, without a UTF-8 byte order mark at the start of line 1 when `strip`. */
function located(line: number, bytes: Buffer, offset: number, terminated: boolean, strip: boolean): RawLine {
  if (strip && line === 1 && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { line, bytes: bytes.subarray(3), offset: offset + 3, terminated };
  }
  return { line, bytes, offset, terminated };
}

/** Yields the lines of a file; a final empty piece after the last "\n" is not a line. */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<RawLine> {
  const strip = options.stripBom !== false;
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let fileOffset = 0;
  let line = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = chunk;
    const base = fileOffset;
    fileOffset += chunk.length;
    let pos = 0;
    for (let nl = buf.indexOf(0x0a, pos); nl !== -1; nl = buf.indexOf(0x0a, pos)) {
      const piece = buf.subarray(pos, nl);
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      yield located(++line, withoutCr(bytes), pendingStart, true, strip);
      pending = [];
      pos = nl + 1;
      pendingStart = base + pos;
    }
    if (pos < buf.length) {
      // Copy: the rest of the chunk must not pin the whole chunk while a long line accumulates.
      pending.push(pending.length === 0 && buf.length - pos === buf.length ? buf : Buffer.from(buf.subarray(pos)));
    }
  }
  if (pending.length > 0) {
    yield located(++line, withoutCr(Buffer.concat(pending)), pendingStart, false, strip);
  }
}
