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

/** Yields the lines of a file; a final empty piece after the last "\n" is not a line. */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<RawLine> {
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let fileOffset = 0;
  let line = 0;
  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buf = chunk;
    let base = fileOffset;
    fileOffset += chunk.length;
    if (first) {
      first = false;
      if (options.stripBom !== false && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf = buf.subarray(3);
        base += 3;
        pendingStart = 3;
      }
    }
    let pos = 0;
    for (let nl = buf.indexOf(0x0a, pos); nl !== -1; nl = buf.indexOf(0x0a, pos)) {
      const piece = buf.subarray(pos, nl);
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      yield { line: ++line, bytes: withoutCr(bytes), offset: pendingStart, terminated: true };
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
    yield { line: ++line, bytes: withoutCr(Buffer.concat(pending)), offset: pendingStart, terminated: false };
  }
}
