/**
 * The native Spanlight JSONL format, a superset of Prodigy's span tasks: one JSON object per line,
 * `{"text", "spans", "tokens", "meta", "_input_hash", "_task_hash", "_annotator_id", "answer", ...}`.
 *
 * Spanlight extras ride in underscore keys Prodigy ignores: `_status` (workflow status), `_note`
 * (set note, e.g. why it was flagged) and `_time_spent_ms`. Offsets are code points by default
 * (Python strings), UTF-16 code units with `offsets: 'utf16'`.
 *
 * Prodigy's `answer` and Spanlight's status: written done → "accept", flagged → "reject", skipped,
 * todo and in progress → "ignore" (`_status` keeps the exact status). Read back, `_status` wins; a
 * record without it maps accept → done, reject → flagged (note "Prodigy answer: reject" unless the
 * record has a `_note`), ignore → skipped.
 */
import { DOC_STATUSES, sortSpans } from '../model.js';
import type { DocMeta, DocStatus, Span, SpanOrigin, SpanResolution, SpanSource } from '../model.js';
import { prodigyHash } from '../text/hash.js';
import { OffsetMap, splitsPair } from '../text/offsets.js';
import { UnitConverter, metaWithout, spanChange, withoutBom } from './interchange.js';
import { tokenRange } from '../text/tokenizer.js';
import { spacyTokens } from '../text/spacy-tokens.js';
import type {
  ExportItem, ImportedDocument, ImportedSet, ImportedSpan, OffsetUnit, Problem, ReadOptions, ReadResult, SpanChange,
  WriteOptions, WriteResult,
} from './types.js';

/** A span as written: offsets in the file's unit, the text they cover, token indexes when on token boundaries. */
export interface SpanlightSpanRecord {
  start: number;
  end: number;
  label: string;
  text: string;
  token_start?: number;
  token_end?: number;
  source?: SpanSource;
  note?: string;
  /** A gold span's provenance: how it was adjudicated and from whose spans. */
  origin?: SpanlightOriginRecord;
}

/** A gold span's origin as written: `resolution`, `annotators`, `span_ids` (see `SpanOrigin`). */
export interface SpanlightOriginRecord {
  resolution: SpanResolution;
  annotators: string[];
  span_ids: string[];
}

const RESOLUTIONS: readonly SpanResolution[] = ['agreed', 'chosen', 'both', 'edited'];

/** A span's origin read from a record, or null (with the reason) when it is not one. */
function readOrigin(value: unknown): SpanOrigin | string {
  if (!isObject(value)) return `"origin" is ${describe(value)}, not an object`;
  const { resolution, annotators, span_ids: spanIds } = value;
  if (!RESOLUTIONS.includes(resolution as SpanResolution)) return `"origin.resolution" must be one of ${RESOLUTIONS.join(', ')}`;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!strings(annotators) || !strings(spanIds)) return '"origin.annotators" and "origin.span_ids" must be lists of strings';
  return { resolution: resolution as SpanResolution, annotators: [...(annotators as string[])], spanIds: [...(spanIds as string[])] };
}

/** A token as written (offsets in the file's unit; `ws` = followed by one space, spaCy's `whitespace_`; other whitespace is a token of its own). */
export interface SpanlightTokenRecord {
  text: string;
  start: number;
  end: number;
  id: number;
  ws: boolean;
}

/** One line of a Spanlight JSONL file. */
export interface SpanlightRecord {
  text: string;
  spans: SpanlightSpanRecord[];
  tokens: SpanlightTokenRecord[];
  meta: DocMeta;
  _input_hash: number;
  _task_hash: number;
  _annotator_id: string;
  answer: 'accept' | 'reject' | 'ignore';
  _status: DocStatus;
  _note?: string;
  _time_spent_ms: number;
}

/** Meta key holding the `_input_hash` a record came with (Prodigy's hash of its input). */
const INPUT_HASH_META = '_input_hash';

function unitName(unit: OffsetUnit): string {
  return unit === 'utf16' ? 'UTF-16 code units' : 'code points';
}

/** Why a stored span (UTF-16 offsets) cannot be written, or null when it can. */
function spanDefect(text: string, span: Span): string | null {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return `offsets ${span.start}-${span.end} are not whole numbers`;
  if (span.start < 0 || span.end > text.length) return `offsets ${span.start}-${span.end} are outside the text (length ${text.length})`;
  if (span.start >= span.end) return `start ${span.start} is not before end ${span.end}`;
  if (typeof span.label !== 'string' || span.label === '') return 'the span has no label';
  return null;
}

/**
 * Prodigy `answer` of a status: done → accept, flagged → reject, everything else (skipped, todo,
 * in progress) → ignore. An unfinished document is never "accept": Prodigy and spaCy train on
 * accepted answers as finished gold, so an untouched document would teach "no entities here".
 */
export function prodigyAnswer(status: DocStatus): SpanlightRecord['answer'] {
  if (status === 'done') return 'accept';
  if (status === 'flagged') return 'reject';
  return 'ignore';
}

/**
 * Builds the record of one document and annotation set; spans that cannot be written exactly are
 * dropped and reported in `changes`. Lets callers stream a file line by line.
 */
export function spanlightRecord(item: ExportItem, options: WriteOptions = {}, changes: SpanChange[] = []): SpanlightRecord {
  const unit: OffsetUnit = options.offsets ?? 'codepoint';
  const text = item.doc.text;
  const map = new OffsetMap(text);
  const plain = unit === 'utf16' || map.isIdentity;
  const out = (u16: number): number => (plain ? u16 : map.toCodePoint(u16));
  // spaCy's layout: whitespace other than one space after a token is a token, so the tokens rebuild the text.
  const tokens = spacyTokens(text);

  const spans: SpanlightSpanRecord[] = [];
  for (const span of sortSpans(item.set.spans)) {
    const defect = spanDefect(text, span);
    if (defect) {
      changes.push(spanChange(item, span, 'dropped', defect));
      continue;
    }
    if (unit === 'codepoint' && (splitsPair(text, span.start) || splitsPair(text, span.end))) {
      changes.push(spanChange(item, span, 'dropped', 'a boundary splits a surrogate pair, so it has no code point offset'));
      continue;
    }
    const start = out(span.start);
    const end = out(span.end);
    const covered = text.slice(span.start, span.end);
    // The export contract: text[start:end] == span.text in the declared unit.
    const check = plain ? text.slice(start, end) : text.slice(map.toUtf16(start), map.toUtf16(end));
    if (check !== covered) {
      changes.push(spanChange(item, span, 'dropped', `text at ${start}-${end} (${unitName(unit)}) does not match the span text`));
      continue;
    }
    const record: SpanlightSpanRecord = { start, end, label: span.label, text: covered };
    const range = tokenRange(tokens, span.start, span.end);
    if (range) {
      record.token_start = range.tokenStart;
      record.token_end = range.tokenEnd;
    }
    if (span.source) record.source = span.source;
    if (span.note !== undefined && span.note !== '') record.note = span.note;
    if (span.origin) record.origin = { resolution: span.origin.resolution, annotators: [...span.origin.annotators], span_ids: [...span.origin.spanIds] };
    spans.push(record);
  }

  // The hash the text came with from Prodigy, else ours (stable, but not Prodigy's own recipe).
  const given = item.doc.meta[INPUT_HASH_META];
  const inputHash = typeof given === 'number' && Number.isInteger(given) ? given : prodigyHash(text);
  const set = item.set;
  const record: SpanlightRecord = {
    text,
    spans,
    tokens: tokens.map((t) => ({ text: t.text, start: out(t.start), end: out(t.end), id: t.id, ws: t.ws })),
    meta: INPUT_HASH_META in item.doc.meta ? metaWithout(item.doc.meta, [INPUT_HASH_META]) : item.doc.meta,
    _input_hash: inputHash,
    _task_hash: prodigyHash(`${inputHash}${JSON.stringify(spans.map((s) => [s.start, s.end, s.label]))}`),
    _annotator_id: set.annotator,
    answer: prodigyAnswer(set.status),
    _status: set.status,
    _time_spent_ms: set.timeSpentMs,
  };
  if (set.note !== undefined && set.note !== '') record._note = set.note;
  return record;
}

/** Writes items as Spanlight JSONL: one record per line, "\n" line ends, a trailing newline. */
export function writeSpanlightJsonl(items: readonly ExportItem[], options: WriteOptions = {}): WriteResult {
  const changes: SpanChange[] = [];
  const lines: string[] = [];
  for (const item of items) lines.push(JSON.stringify(spanlightRecord(item, options, changes)));
  return { output: lines.length ? `${lines.join('\n')}\n` : '', changes };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? 'a string' : `a ${typeof v}`;
}

function short(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

const SOURCES: readonly SpanSource[] = ['manual', 'suggested', 'imported'];

/** A span whose shape is valid, offsets still in the file's (not yet known) unit. */
interface RawSpan {
  n: number;
  start: number;
  end: number;
  label: string;
  text?: string;
  source: SpanSource;
  note?: string;
  origin?: SpanOrigin;
}

/** Parses the spans of a record: shape problems are reported and the span skipped. */
function rawSpans(value: unknown, report: (severity: Problem['severity'], m: string) => void): RawSpan[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report('error', `"spans" is ${describe(value)}, not a list; no spans read`);
    return [];
  }
  const out: RawSpan[] = [];
  value.forEach((s: unknown, i) => {
    const n = i + 1;
    if (!isObject(s)) return report('error', `span #${n} is ${describe(s)}, not an object; skipped`);
    const { start, end, label } = s;
    if (typeof label !== 'string' || label === '') return report('error', `span #${n} has no label; skipped`);
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
      return report('error', `span #${n} (${label}) needs whole-number "start" and "end"; skipped`);
    }
    if (start >= end) return report('error', `span #${n} (${label} ${start}-${end}): start is not before end; skipped`);
    const raw: RawSpan = { n, start, end, label, source: SOURCES.includes(s.source as SpanSource) ? (s.source as SpanSource) : 'imported' };
    if (typeof s.text === 'string') raw.text = s.text;
    if (typeof s.note === 'string' && s.note !== '') raw.note = s.note;
    if (s.origin !== undefined) {
      const origin = readOrigin(s.origin);
      if (typeof origin === 'string') report('warning', `span #${n} (${label} ${start}-${end}): ${origin}; its origin is not kept`);
      else raw.origin = origin;
    }
    out.push(raw);
  });
  return out;
}

/** Picks the offset unit: the one in which every span's `text` matches, else the option (default code points). */
function chooseUnit(units: UnitConverter, spans: readonly RawSpan[], fallback: OffsetUnit): { unit: OffsetUnit; neither: boolean } {
  if (spans.length === 0 || !spans.every((s) => s.text !== undefined)) return { unit: fallback, neither: false };
  let cp = 0;
  let u16 = 0;
  for (const s of spans) {
    if (units.slice(s.start, s.end, 'codepoint') === s.text) cp++;
    if (units.slice(s.start, s.end, 'utf16') === s.text) u16++;
  }
  const all = spans.length;
  if (cp === all && u16 === all) return { unit: fallback, neither: false };
  if (cp === all) return { unit: 'codepoint', neither: false };
  if (u16 === all) return { unit: 'utf16', neither: false };
  return { unit: u16 > cp ? 'utf16' : cp > u16 ? 'codepoint' : fallback, neither: true };
}

/** Annotator, status, note and time of a record; null when the record carries no annotation at all. */
function setFields(rec: Record<string, unknown>): Omit<ImportedSet, 'spans'> | null {
  const hasAny = ['spans', '_annotator_id', '_session_id', 'answer', '_status'].some((k) => rec[k] !== undefined && rec[k] !== null);
  if (!hasAny) return null;
  const set: Omit<ImportedSet, 'spans'> = {};
  const annotator = [rec._annotator_id, rec._session_id].find((a) => typeof a === 'string' && a !== '');
  if (typeof annotator === 'string') set.annotator = annotator;
  if (typeof rec._note === 'string' && rec._note !== '') set.note = rec._note;
  if (DOC_STATUSES.includes(rec._status as DocStatus)) set.status = rec._status as DocStatus;
  else if (rec.answer === 'reject') {
    set.status = 'flagged';
    set.note ??= 'Prodigy answer: reject';
  } else if (rec.answer === 'ignore') set.status = 'skipped';
  else if (rec.answer === 'accept') set.status = 'done';
  if (typeof rec._time_spent_ms === 'number' && Number.isFinite(rec._time_spent_ms) && rec._time_spent_ms >= 0) {
    set.timeSpentMs = rec._time_spent_ms;
  }
  return set;
}

/**
 * Parses one line (1-based `lineNo`) of a Spanlight/Prodigy JSONL file into a document with
 * UTF-16 offsets. Blank lines yield nothing; a BOM on line 1 and a trailing "\r" are accepted.
 * Bad spans are skipped and reported; the document is returned unless the record itself is unusable.
 */
export function parseSpanlightLine(line: string, lineNo: number, options: ReadOptions = {}): { document?: ImportedDocument; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], message: string): void => {
    const p: Problem = { severity, line: lineNo, message };
    if (options.fileName !== undefined) p.file = options.fileName;
    problems.push(p);
  };
  let raw = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (lineNo === 1) raw = withoutBom(raw);
  if (raw.trim() === '') return { problems };

  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch (e) {
    report('error', `invalid JSON (${(e as Error).message})`);
    return { problems };
  }
  if (!isObject(rec)) {
    report('error', `the line is ${describe(rec)}, not a JSON object`);
    return { problems };
  }
  const text = rec.text;
  if (typeof text !== 'string') {
    report('error', text === undefined ? 'the record has no "text"' : `"text" is ${describe(text)}, not a string`);
    return { problems };
  }
  if (text === '') {
    report('error', '"text" is empty');
    return { problems };
  }
  if (text.trim() === '') report('warning', '"text" is only whitespace');

  let meta: DocMeta = {};
  if (isObject(rec.meta)) meta = { ...rec.meta };
  else if (rec.meta !== undefined && rec.meta !== null) report('warning', `"meta" is ${describe(rec.meta)}, not an object; ignored`);
  // Prodigy's own input hash names this text in its database: kept for the way back.
  if (Number.isInteger(rec._input_hash)) meta[INPUT_HASH_META] = rec._input_hash;

  const document: ImportedDocument = { text, meta, sets: [], line: lineNo };
  const fields = setFields(rec);
  if (!fields) return { document, problems };

  const units = new UnitConverter(text);
  const candidates = rawSpans(rec.spans, report);
  const { unit, neither } = chooseUnit(units, candidates, options.offsets ?? 'codepoint');
  const spans: ImportedSpan[] = [];
  for (const s of candidates) {
    const where = `span #${s.n} (${s.label} ${s.start}-${s.end})`;
    const start = units.toUtf16(s.start, unit);
    const end = units.toUtf16(s.end, unit);
    if (start === null || end === null) {
      report('error', `${where} is outside the text (length ${units.length(unit)} ${unitName(unit)}); skipped`);
      continue;
    }
    const covered = text.slice(start, end);
    if (s.text !== undefined && s.text !== covered) {
      const other = neither ? `; ${unit === 'utf16' ? 'code point' : 'UTF-16'} offsets do not match every span either` : '';
      report('error', `${where}: its text ${short(s.text)} does not match ${short(covered)} at these offsets (read as ${unitName(unit)}${other}); skipped`);
      continue;
    }
    if (splitsPair(text, start) || splitsPair(text, end)) report('warning', `${where} splits a surrogate pair`);
    const span: ImportedSpan = { start, end, label: s.label, source: s.source };
    if (s.note !== undefined) span.note = s.note;
    if (s.origin !== undefined) span.origin = s.origin;
    spans.push(span);
  }
  document.sets.push({ ...fields, spans: sortSpans(spans) });
  return { document, problems };
}

/** Reads a whole Spanlight/Prodigy JSONL file (LF or CRLF, optional BOM); blank lines are skipped. */
export function readSpanlightJsonl(content: string, options: ReadOptions = {}): ReadResult {
  const documents: ImportedDocument[] = [];
  const problems: Problem[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseSpanlightLine(lines[i]!, i + 1, options);
    if (parsed.document) documents.push(parsed.document);
    for (const p of parsed.problems) problems.push(p);
  }
  return { documents, problems };
}
