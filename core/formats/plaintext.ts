/**
 * New documents from plain text: UTF-8 decoding with precise errors, a `.txt` file as one document,
 * and a JSONL of `{"text", "meta"}` records. Text is never normalized (no NFC, no CRLF rewriting,
 * no trimming): what is read is what offsets point into.
 */
import type { DocMeta } from '../model.js';
import type { ImportedDocument, Problem, ReadResult } from './types.js';

/** Byte offset of the first byte of the first invalid UTF-8 sequence, or -1 when `bytes` is valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Decodes UTF-8 strictly, dropping one leading BOM. On invalid input the problem names the file,
 * says it is not UTF-8 and gives the byte offset (0-based) of the first bad byte.
 */
export function decodeUtf8(bytes: Uint8Array, fileName: string): { text: string } | { problem: Problem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let why = at >= 0 ? `invalid byte ${hex(bytes[at]!)} at byte offset ${at}` : 'invalid byte sequence';
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) why += '; it looks like UTF-16';
    return {
      problem: { severity: 'error', file: fileName, message: `${fileName}: the file is not UTF-8 (${why}); save it as UTF-8 and import it again` },
    };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** First non-empty line of `text`, trimmed, at most 120 characters (never splitting a surrogate pair). */
export function titleOf(text: string): string {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  if (trimmed.length <= 120) return trimmed;
  const cut = /[\uD800-\uDBFF]/.test(trimmed[119]!) ? 119 : 120;
  return trimmed.slice(0, cut).trimEnd();
}

/** One `.txt` file as one document, with meta `{source, title}`; an empty or blank file is an error. */
export function readPlainText(fileName: string, text: string): ReadResult {
  if (text.trim() === '') {
    return { documents: [], problems: [{ severity: 'error', file: fileName, message: `${fileName}: the file is empty` }] };
  }
  const meta: DocMeta = { source: fileName, title: titleOf(text) };
  return { documents: [{ text, meta, sets: [] }], problems: [] };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? 'a string' : `a ${typeof v}`;
}

/**
 * A JSONL of `{"text", "meta"}` records: documents from the good lines, problems (with 1-based
 * line numbers) for the others; the caller decides whether to keep anything when there are errors.
 * Blank lines are skipped; LF or CRLF line ends; an optional BOM.
 */
export function readTextJsonl(fileName: string, content: string): ReadResult {
  const documents: ImportedDocument[] = [];
  const problems: Problem[] = [];
  const fail = (line: number, message: string): void => {
    problems.push({ severity: 'error', file: fileName, line, message });
  };
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let raw = lines[i]!;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (i === 0 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    if (raw.trim() === '') continue;
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (e) {
      fail(lineNo, `invalid JSON (${(e as Error).message})`);
      continue;
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      fail(lineNo, `the line is ${describe(rec)}, not a JSON object`);
      continue;
    }
    const { text, meta } = rec as Record<string, unknown>;
    if (typeof text !== 'string') {
      fail(lineNo, text === undefined ? 'the record has no "text"' : `"text" is ${describe(text)}, not a string`);
      continue;
    }
    if (text.trim() === '') {
      fail(lineNo, '"text" is empty');
      continue;
    }
    const docMeta: DocMeta = { source: fileName };
    if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) Object.assign(docMeta, meta);
    else if (meta !== undefined && meta !== null) {
      problems.push({ severity: 'warning', file: fileName, line: lineNo, message: `"meta" is ${describe(meta)}, not an object; ignored` });
    }
    if (typeof docMeta.title !== 'string' || docMeta.title === '') docMeta.title = titleOf(text);
    documents.push({ text, meta: docMeta, sets: [], line: lineNo });
  }
  return { documents, problems };
}
