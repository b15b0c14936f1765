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
import type { DocMeta, DocStatus, Span, SpanAnswer, SpanResolution, SpanSource } from '../model.js';
import { docTokensProblem, tokensFromDoc } from '../text/doc-tokens.js';
import { prodigyHash } from '../text/hash.js';
import { splitsPair } from '../text/offsets.js';
import { spacyTokens } from '../text/spacy-tokens.js';
import { tokenRange, type Token } from '../text/tokenizer.js';
import { UnitConverter, inSpanOrder, metaWithout, setOwn, spanChange } from './interchange.js';
import { INPUT_HASH_META, PRODIGY_META, TASK_SPANS_KEY, spansSignature } from './spanlight-read.js';
import type { ExportItem, OffsetUnit, SpanChange, WriteOptions, WriteResult } from './types.js';

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
  answer?: SpanAnswer;
  score?: number;
  /** A gold span's provenance: how it was adjudicated and from whose spans. */
  origin?: SpanlightOriginRecord;
}

/** A gold span's origin as written: `resolution`, `annotators`, `span_ids` (see `SpanOrigin`). */
export interface SpanlightOriginRecord {
  resolution: SpanResolution;
  annotators: string[];
  span_ids: string[];
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
  /** The document's own tokens, or every document's when asked (`WriteOptions.tokens`). */
  tokens?: SpanlightTokenRecord[];
  meta: DocMeta;
  _input_hash: number;
  _task_hash: number;
  _annotator_id: string;
  answer: 'accept' | 'reject' | 'ignore';
  _status: DocStatus;
  _note?: string;
  _time_spent_ms: number;
  /** Record keys the file came with that Spanlight does not model (`_view_id`, `_session_id`, …). */
  [key: string]: unknown;
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

/** The tokens to write: the document's own, else the core tokenizer's in spaCy's layout when asked, else none. */
function tokensToWrite(item: ExportItem, options: WriteOptions, warnings?: Set<string>): Token[] | null {
  const own = item.doc.tokens;
  if (own) {
    const problem = docTokensProblem(item.doc.text, own);
    if (problem === null) {
      const tokens = tokensFromDoc(item.doc.text, own);
      // spaCy's whitespace_: one space after the token that no other token holds.
      tokens.forEach((t, i) => (t.ws = item.doc.text.charCodeAt(t.end) === 0x20 && tokens[i + 1]?.start !== t.end));
      return tokens;
    }
    warnings?.add(`document ${item.doc.id}: its own tokens are not written (${problem})`);
  }
  return options.tokens ? spacyTokens(item.doc.text) : null;
}

function isRecordValue(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Builds the record of one document and annotation set; spans that cannot be written exactly are
 * dropped and reported in `changes`. Lets callers stream a file line by line.
 */
export function spanlightRecord(item: ExportItem, options: WriteOptions = {}, changes: SpanChange[] = [], warnings?: Set<string>): SpanlightRecord {
  const unit: OffsetUnit = options.offsets ?? 'codepoint';
  const text = item.doc.text;
  const conv = UnitConverter.of(text);
  const out = (u16: number): number => conv.fromUtf16(u16, unit);
  const tokens = tokensToWrite(item, options, warnings);

  const spans: SpanlightSpanRecord[] = [];
  for (const span of inSpanOrder(item.set.spans)) {
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
    if (conv.slice(start, end, unit) !== covered) {
      changes.push(spanChange(item, span, 'dropped', `text at ${start}-${end} (${unit === 'utf16' ? 'UTF-16 code units' : 'code points'}) does not match the span text`));
      continue;
    }
    const record: SpanlightSpanRecord = { start, end, label: span.label, text: covered };
    const range = tokens ? tokenRange(tokens, span.start, span.end) : null;
    if (range) {
      record.token_start = range.tokenStart;
      record.token_end = range.tokenEnd;
    }
    // A source the file named (a model, say) goes back as it came; else how the span was made here.
    if (span.source && !(span.extra && 'source' in span.extra)) record.source = span.source;
    if (span.note !== undefined && span.note !== '') record.note = span.note;
    if (span.answer !== undefined) record.answer = span.answer;
    if (span.score !== undefined) record.score = span.score;
    if (span.origin) record.origin = { resolution: span.origin.resolution, annotators: [...span.origin.annotators], span_ids: [...span.origin.spanIds] };
    if (span.extra) for (const [k, v] of Object.entries(span.extra)) if (!(k in record)) setOwn(record as unknown as Record<string, unknown>, k, v);
    spans.push(record);
  }

  // The hash the text came with from Prodigy, else ours (stable, but not Prodigy's own recipe).
  const meta = item.doc.meta;
  const given = meta[INPUT_HASH_META];
  const inputHash = typeof given === 'number' && Number.isInteger(given) ? given : prodigyHash(text);
  const prodigy = isRecordValue(meta[PRODIGY_META]) ? meta[PRODIGY_META] : {};
  // Prodigy's task hash while the set holds the spans it came with; else ours.
  const keptTask = Number.isInteger(prodigy['_task_hash']) && prodigy[TASK_SPANS_KEY] === spansSignature(inSpanOrder(item.set.spans));
  const set = item.set;
  const record: SpanlightRecord = {
    text,
    spans,
    ...(tokens ? { tokens: tokens.map((t) => ({ text: t.text, start: out(t.start), end: out(t.end), id: t.id, ws: t.ws })) } : {}),
    meta: INPUT_HASH_META in meta || PRODIGY_META in meta ? metaWithout(meta, [INPUT_HASH_META, PRODIGY_META]) : meta,
    _input_hash: inputHash,
    _task_hash: keptTask ? (prodigy['_task_hash'] as number) : prodigyHash(`${inputHash}${JSON.stringify(spans.map((s) => [s.start, s.end, s.label]))}`),
    _annotator_id: set.annotator,
    answer: prodigyAnswer(set.status),
    _status: set.status,
    _time_spent_ms: set.timeSpentMs,
  };
  if (set.note !== undefined && set.note !== '') record._note = set.note;
  for (const [k, v] of Object.entries(prodigy)) if (!(k in record) && k !== TASK_SPANS_KEY && k !== '_task_hash') setOwn(record, k, v);
  return record;
}

/**
 * Writes items as Spanlight JSONL: one record per line, "\n" line ends, a trailing newline. `tokens`
 * only for documents that brought their own, or for all with `options.tokens`.
 */
export function writeSpanlightJsonl(items: readonly ExportItem[], options: WriteOptions = {}): WriteResult {
  const changes: SpanChange[] = [];
  const warnings = new Set<string>();
  let output = '';
  for (const item of items) output += `${JSON.stringify(spanlightRecord(item, options, changes, warnings))}\n`;
  return { output, changes, warnings: [...warnings] };
}

export { parseSpanlightLine, readSpanlightJsonl } from './spanlight-read.js';
