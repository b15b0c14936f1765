/**
 * New documents from plain text: UTF-8 decoding with precise errors, a `.txt` file as one document,
 * and a JSONL of `{"text", "meta"}` records. Text is never normalized (no NFC, no CRLF rewriting,
 * no trimming): what is read is what offsets point into.
 */
import type { DocMeta } from '../model.js';
import { setOwn, topLevelElementLines, withoutBom } from './interchange.js';
import { jsonTooDeep, tooDeepMessage } from './input-checks.js';
import { jsonSyntaxError, jsonSyntaxMessage } from './json-errors.js';
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

/** Options of `decodeUtf8`. */
export interface DecodeOptions {
  /**
   * Keep a leading byte order mark in the text (default false). Every reader drops it itself;
   * only brat needs it, since brat counts it as character 0 of a `.txt` (see `readBrat`).
   */
  keepBom?: boolean;
}

/**
 * Decodes UTF-8 strictly, dropping one leading BOM unless asked to keep it. On invalid input the
 * problem names the file, says it is not UTF-8 and gives the byte offset (0-based) of the first bad byte.
 */
export function decodeUtf8(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): { text: string } | { problem: Problem } {
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
  return { text: options.keepBom ? text : withoutBom(text) };
}

/** A document's title: its `meta.title` when that is a non-blank string (trimmed), else titleOf its text. */
export function documentTitle(meta: Record<string, unknown>, text: string): string {
  const title = meta['title'];
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : titleOf(text);
}

/** First non-empty line of `text`, trimmed, at most 120 characters (never splitting a surrogate pair). */
export function titleOf(text: string): string {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const trimmed = line.trim();
  if (trimmed.length <= 120) return trimmed;
  const cut = /[\uD800-\uDBFF]/.test(trimmed[119]!) ? 119 : 120;
  return trimmed.slice(0, cut).trimEnd();
}

/** True when a decoded file holds nothing but whitespace (and a BOM). */
export function isBlankText(text: string): boolean {
  return withoutBom(text).trim() === '';
}

/** The problem of an empty input file: `FILE: the file is empty`. */
export function emptyFileProblem(name: string): Problem {
  return { severity: 'error', file: name, message: `${name}: the file is empty` };
}

/** One `.txt` file as one document, with meta `{source, title}` (a leading BOM dropped); an empty or blank file is an error. */
export function readPlainText(fileName: string, content: string): ReadResult {
  if (isBlankText(content)) return { documents: [], problems: [emptyFileProblem(fileName)] };
  const text = withoutBom(content);
  const meta: DocMeta = { source: fileName, title: titleOf(text) };
  return { documents: [{ text, meta, sets: [] }], problems: [] };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? 'a string' : `a ${typeof v}`;
}

/** Annotation keys plain-text import ignores, and the format that would keep them. */
const IGNORED_KEYS: readonly [key: string, format: string, id: string][] = [
  ['spans', 'Spanlight JSONL', 'spanlight'],
  ['label', 'doccano JSONL', 'doccano'],
  ['labels', 'doccano JSONL', 'doccano'],
  ['entities', 'doccano JSONL', 'doccano'],
  ['annotations', 'Label Studio JSON', 'label-studio'],
  ['ner_tags', 'Hugging Face JSONL', 'huggingface'],
];

/** Warnings for the annotations a record carries (a non-empty value under an annotation key) that plain-text import drops. */
function ignoredAnnotations(rec: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, name, id] of IGNORED_KEYS) {
    const v = rec[key];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    out.push(`record has "${key}", which plain-text import ignores; import it as ${name} (--from ${id}) to keep them`);
  }
  return out;
}

/** One `{"text", "meta"}` record: a document, or the problems that make it unusable. */
function textRecord(rec: unknown, fileName: string, at: (severity: Problem['severity'], message: string) => void): ImportedDocument | null {
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
    at('error', `the record is ${describe(rec)}, not a JSON object`);
    return null;
  }
  const obj = rec as Record<string, unknown>;
  const { text, meta } = obj;
  if (typeof text !== 'string') {
    at('error', text === undefined ? 'the record has no "text"' : `"text" is ${describe(text)}, not a string`);
    return null;
  }
  if (text.trim() === '') {
    at('error', '"text" is empty');
    return null;
  }
  for (const m of ignoredAnnotations(obj)) at('warning', m);
  const docMeta: DocMeta = { source: fileName };
  if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) for (const [k, v] of Object.entries(meta)) setOwn(docMeta, k, v);
  else if (meta !== undefined && meta !== null) at('warning', `"meta" is ${describe(meta)}, not an object; ignored`);
  if (typeof docMeta.title !== 'string' || docMeta.title === '') docMeta.title = titleOf(text);
  return { text, meta: docMeta, sets: [] };
}

/**
 * A JSONL of `{"text", "meta"}` records: documents from the good lines, problems (with 1-based
 * line numbers) for the others; the caller decides whether to keep anything when there are errors.
 * Blank lines are skipped; LF or CRLF line ends; an optional BOM. A record that carries annotations
 * (spans, doccano labels, Label Studio annotations, ner_tags) is read as text with a warning naming
 * the format that would keep them.
 */
export function readTextJsonl(fileName: string, content: string): ReadResult {
  const documents: ImportedDocument[] = [];
  const problems: Problem[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let raw = lines[i]!;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (i === 0) raw = withoutBom(raw);
    if (raw.trim() === '') continue;
    const at = (severity: Problem['severity'], message: string): void => {
      problems.push({ severity, file: fileName, line: lineNo, message });
    };
    let rec: unknown;
    try {
      rec = JSON.parse(raw);
    } catch (e) {
      at('error', `invalid JSON (${(e as Error).message})`);
      continue;
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      at('error', `the line is ${describe(rec)}, not a JSON object`);
      continue;
    }
    if (jsonTooDeep(rec)) {
      at('error', tooDeepMessage());
      continue;
    }
    const doc = textRecord(rec, fileName, at);
    if (doc) documents.push({ ...doc, line: lineNo });
  }
  return { documents, problems };
}

/**
 * A `.json` file of new documents: an array of `{"text", "meta"}` records (each tagged with its
 * 0-based `record` index and the line it starts on), one such object, or JSONL. Never one document
 * holding the JSON itself.
 */
export function readTextJson(fileName: string, content: string): ReadResult {
  const body = withoutBom(content);
  const head = body.trimStart();
  if (!head.startsWith('[') && !(head.startsWith('{') && !isJsonl(body))) return readTextJsonl(fileName, content);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    const error = jsonSyntaxError(body, e);
    return { documents: [], problems: [{ severity: 'error', file: fileName, ...(error?.line !== undefined ? { line: error.line } : {}), message: error ? jsonSyntaxMessage(error) : 'invalid JSON' }] };
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  const lines = topLevelElementLines(body);
  const documents: ImportedDocument[] = [];
  const problems: Problem[] = [];
  records.forEach((rec, record) => {
    const line = lines[record] ?? 1;
    const at = (severity: Problem['severity'], message: string): void => {
      problems.push({ severity, file: fileName, line, record, message: `record ${record}: ${message}` });
    };
    if (jsonTooDeep(rec)) return at('error', tooDeepMessage('it'));
    const doc = textRecord(rec, fileName, at);
    if (doc) documents.push({ ...doc, line, record });
  });
  return { documents, problems };
}

/** True when the first non-blank line of `body` is a whole JSON value (the file is JSONL). */
function isJsonl(body: string): boolean {
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}
