/**
 * Reading Spanlight/Prodigy JSONL (see `spanlight-jsonl.ts` for the format): a record keeps its
 * tokens (`ImportedDocument.tokens`), every span field the model has no place for (`extra`), per-span
 * `answer` and `score`, and the record keys Spanlight does not model (`_view_id`, `_session_id`,
 * Prodigy's `_task_hash`, …, in `meta._prodigy`), so writing it back gives them back.
 */
import { DOC_STATUSES } from '../model.js';
import type { DocMeta, DocStatus, DocToken, SpanAnswer, SpanOrigin, SpanResolution, SpanSource } from '../model.js';
import { prodigyHash } from '../text/hash.js';
import { splitsPair } from '../text/offsets.js';
import { UnitConverter, inSpanOrder, setOwn, withoutBom } from './interchange.js';
import { jsonTooDeep, tooDeepMessage } from './input-checks.js';
import type { ImportedDocument, ImportedSet, ImportedSpan, OffsetUnit, Problem, ReadOptions, ReadResult } from './types.js';

/** Meta key holding the `_input_hash` a record came with (Prodigy's hash of its input). */
export const INPUT_HASH_META = '_input_hash';
/** Meta key holding the record keys Spanlight does not model, written back at the top of the record. */
export const PRODIGY_META = '_prodigy';
/** Key (in `meta._prodigy`) of the signature of the spans Prodigy's `_task_hash` was given with. */
export const TASK_SPANS_KEY = '_task_spans';

/** Record keys Spanlight reads into its model (the others are kept in `meta._prodigy`). */
const RECORD_KEYS = new Set(['text', 'spans', 'tokens', 'meta', '_input_hash', '_task_hash', '_annotator_id', 'answer', '_status', '_note', '_time_spent_ms']);

/** A signature of spans (UTF-16 offsets and labels) that says whether a set still holds the spans it was read with. */
export function spansSignature(spans: readonly { start: number; end: number; label: string }[]): number {
  return prodigyHash(JSON.stringify(spans.map((s) => [s.start, s.end, s.label])));
}

function unitName(unit: OffsetUnit): string {
  return unit === 'utf16' ? 'UTF-16 code units' : 'code points';
}

/**
 * The tokens of a record as UTF-16 ranges of its text, in `unit` (the spans' unit when they told it;
 * else the one the tokens' own `text` fits, else `fallback`), or why they cannot be used.
 */
function ownTokens(value: unknown, units: UnitConverter, unit: OffsetUnit | undefined, fallback: OffsetUnit): { tokens: DocToken[]; otherFields: string[] } | string {
  if (!Array.isArray(value)) return `it is ${describe(value)}, not a list`;
  const other = new Set<string>();
  const fits = (u: OffsetUnit) => value.every((t) => !isObject(t) || typeof t.text !== 'string' || units.slice(t.start as number, t.end as number, u) === t.text);
  const chosen = unit ?? (fits(fallback) ? fallback : fallback === 'codepoint' && fits('utf16') ? 'utf16' : fallback === 'utf16' && fits('codepoint') ? 'codepoint' : fallback);
  const tokens: DocToken[] = [];
  let previousEnd = 0;
  for (let i = 0; i < value.length; i++) {
    const t: unknown = value[i];
    if (!isObject(t) || !Number.isInteger(t.start) || !Number.isInteger(t.end)) return `token ${i} has no whole-number "start" and "end"`;
    const start = units.toUtf16(t.start as number, chosen);
    const end = units.toUtf16(t.end as number, chosen);
    if (start === null || end === null || start > end) return `token ${i} (${String(t.start)}-${String(t.end)}) is not a range of the text in ${unitName(chosen)}`;
    if (start < previousEnd) return `token ${i} (${String(t.start)}-${String(t.end)}) starts before token ${i - 1} ends`;
    if (typeof t.text === 'string' && units.text.slice(start, end) !== t.text) return `token ${i} says ${short(t.text)} but its offsets hold ${short(units.text.slice(start, end))}`;
    for (const key of Object.keys(t)) if (key !== 'text' && key !== 'start' && key !== 'end' && key !== 'id' && key !== 'ws') other.add(key);
    tokens.push({ start, end });
    previousEnd = end;
  }
  return { tokens, otherFields: [...other] };
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
  answer?: SpanAnswer;
  score?: number;
  origin?: SpanOrigin;
  extra?: Record<string, unknown>;
}

const RESOLUTIONS: readonly SpanResolution[] = ['agreed', 'chosen', 'both', 'edited'];

/** A gold span's origin as written (`{resolution, annotators, span_ids}`), or why it is not one. */
function readOrigin(value: unknown): SpanOrigin | string {
  if (!isObject(value)) return `"origin" is ${describe(value)}, not an object`;
  const { resolution, annotators, span_ids: spanIds } = value;
  if (!RESOLUTIONS.includes(resolution as SpanResolution)) return `"origin.resolution" must be one of ${RESOLUTIONS.join(', ')}`;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!strings(annotators) || !strings(spanIds)) return '"origin.annotators" and "origin.span_ids" must be lists of strings';
  return { resolution: resolution as SpanResolution, annotators: [...(annotators as string[])], spanIds: [...(spanIds as string[])] };
}

/** Span keys the model holds (the others are kept in `extra`). */
const SPAN_KEYS = new Set(['start', 'end', 'label', 'text', 'token_start', 'token_end', 'note', 'answer', 'score']);
const ANSWERS: readonly SpanAnswer[] = ['accept', 'reject', 'ignore'];

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
    const ours = SOURCES.includes(s.source as SpanSource);
    const raw: RawSpan = { n, start, end, label, source: ours ? (s.source as SpanSource) : 'imported' };
    if (typeof s.text === 'string') raw.text = s.text;
    if (typeof s.note === 'string' && s.note !== '') raw.note = s.note;
    if (ANSWERS.includes(s.answer as SpanAnswer)) raw.answer = s.answer as SpanAnswer;
    if (typeof s.score === 'number' && Number.isFinite(s.score)) raw.score = s.score;
    if (s.origin !== undefined) {
      const origin = readOrigin(s.origin);
      if (typeof origin === 'string') report('warning', `span #${n} (${label} ${start}-${end}): ${origin}; it is kept as it came, not as the span's origin`);
      else raw.origin = origin;
    }
    // Whatever else the span carried (Prodigy's input_hash, rank, a model's name as source, an answer
    // or score of another shape) goes back out as it came.
    for (const key of Object.keys(s)) {
      const modelled = key === 'source' ? ours : key === 'answer' ? raw.answer !== undefined : key === 'score' ? raw.score !== undefined : key === 'origin' ? raw.origin !== undefined : SPAN_KEYS.has(key);
      if (!modelled) setOwn((raw.extra ??= {}), key, s[key]);
    }
    out.push(raw);
  });
  return out;
}

/** Picks the offset unit: the one in which every span's `text` matches, else the option (default code points). */
function chooseUnit(units: UnitConverter, spans: readonly RawSpan[], fallback: OffsetUnit): { unit: OffsetUnit; neither: boolean } {
  // Without a character beyond U+FFFF both units are one: nothing to tell apart.
  if (!units.astral || spans.length === 0 || !spans.every((s) => s.text !== undefined)) return { unit: fallback, neither: false };
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
  if (jsonTooDeep(rec)) {
    report('error', tooDeepMessage());
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
  // A parsed object of its own: used as it is (JSON.parse already made `__proto__` an own key).
  if (isObject(rec.meta)) meta = rec.meta;
  else if (rec.meta !== undefined && rec.meta !== null) report('warning', `"meta" is ${describe(rec.meta)}, not an object; ignored`);
  // Prodigy's own input hash names this text in its database: kept for the way back.
  if (Number.isInteger(rec._input_hash)) meta[INPUT_HASH_META] = rec._input_hash;
  // Keys Spanlight has no field for (_view_id, _session_id, _timestamp, options, …) go back out as they came.
  const prodigy: Record<string, unknown> = {};
  for (const key of Object.keys(rec)) if (!RECORD_KEYS.has(key)) setOwn(prodigy, key, rec[key]);

  const document: ImportedDocument = { text, meta, sets: [], line: lineNo };
  const units = UnitConverter.of(text);
  const candidates = rawSpans(rec.spans, report);
  const { unit, neither } = chooseUnit(units, candidates, options.offsets ?? 'codepoint');
  if (rec.tokens !== undefined && rec.tokens !== null) {
    const tokens = ownTokens(rec.tokens, units, candidates.some((s) => s.text !== undefined) ? unit : undefined, options.offsets ?? 'codepoint');
    if (typeof tokens === 'string') report('warning', `"tokens" not kept: ${tokens}; the core tokenizer will serve this document`);
    else {
      document.tokens = tokens.tokens;
      if (tokens.otherFields.length > 0) report('warning', `token field(s) ${tokens.otherFields.map((f) => JSON.stringify(f)).join(', ')} are not kept (only text, start, end, id and ws are)`);
    }
  }
  const fields = setFields(rec);
  if (Number.isInteger(rec._task_hash) && fields) {
    // Prodigy's task hash, with what it hashed (these spans), so it goes back out only while they are unchanged.
    prodigy['_task_hash'] = rec._task_hash;
  }
  if (Object.keys(prodigy).length > 0) meta[PRODIGY_META] = prodigy;
  if (!fields) return { document, problems };
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
    if (s.answer !== undefined) span.answer = s.answer;
    if (s.score !== undefined) span.score = s.score;
    if (s.origin !== undefined) span.origin = s.origin;
    if (s.extra !== undefined) span.extra = s.extra;
    spans.push(span);
  }
  const ordered = inSpanOrder(spans);
  const sorted = ordered === spans ? spans : [...ordered];
  if (prodigy['_task_hash'] !== undefined) prodigy[TASK_SPANS_KEY] = spansSignature(sorted);
  document.sets.push({ ...fields, spans: sorted });
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
