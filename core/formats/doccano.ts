/**
 * doccano sequence-labeling JSONL: `{"id", "text", "label": [[start, end, "LABEL"], ...], ...meta}`.
 * Also reads the older `labels` key and the entity form `{"entities": [{"start_offset", "end_offset", "label"}]}`.
 * doccano counts offsets in Python code points; the unit is an option (spans carry no text).
 */
import { UnitConverter, exportOffsets, inSpanOrder, isRecord, metaWithout, parseJsonLines, problemAt, rangeProblem, setOwn, spanChange, topLevelElementLines, unitByTokenBoundaries, withoutBom } from './interchange.js';
import type { JsonLine } from './interchange.js';
import { jsonSyntaxError, jsonSyntaxMessage } from './json-errors.js';
import { jsonTooDeep, tooDeepMessage } from './input-checks.js';
import type { ExportItem, ImportedDocument, ImportedSpan, Problem, ReadOptions, ReadResult, SpanChange, WriteOptions, WriteResult } from './types.js';

/** Keys of a doccano record that are not metadata. */
const RESERVED = ['text', 'label', 'labels', 'entities', 'relations'];
/** Keys the reader keeps out of metadata: the above, and `meta` (whose contents are merged into it). */
const READ_RESERVED = [...RESERVED, 'meta'];

/** A span as found in a doccano record, before conversion. */
interface RawSpan {
  start: unknown;
  end: unknown;
  label: unknown;
}

function rawSpans(rec: Record<string, unknown>): { spans: RawSpan[]; key: string } | null {
  for (const key of ['label', 'labels']) {
    const v = rec[key];
    if (Array.isArray(v) && v.every((x) => Array.isArray(x))) {
      return { key, spans: (v as unknown[][]).map((t) => ({ start: t[0], end: t[1], label: t[2] })) };
    }
  }
  const ents = rec['entities'];
  if (Array.isArray(ents)) {
    return {
      key: 'entities',
      spans: ents.map((e) => (isRecord(e) ? { start: e['start_offset'], end: e['end_offset'], label: e['label'] } : { start: e, end: undefined, label: undefined })),
    };
  }
  return null;
}

/** The spans whose offsets are numbers (the others are reported as malformed). */
function numericSpans(spans: readonly RawSpan[]): { start: number; end: number }[] {
  return spans.filter((r): r is RawSpan & { start: number; end: number } => typeof r.start === 'number' && typeof r.end === 'number');
}

/** A record with, for the elements of a JSON array, its 0-based index. */
type DoccanoRecord = JsonLine & { record?: number };

/** Lines of JSONL, or the elements of a JSON array (doccano's .json export). */
function jsonRecords(content: string, problems: Problem[], file?: string): DoccanoRecord[] {
  const body = withoutBom(content);
  if (!body.trimStart().startsWith('[')) return parseJsonLines(content, problems, file);
  let arr: unknown;
  try {
    arr = JSON.parse(body);
  } catch (e) {
    const error = jsonSyntaxError(body, e);
    problems.push(problemAt('error', error ? jsonSyntaxMessage(error) : 'invalid JSON', file, error?.line));
    return [];
  }
  const lines = topLevelElementLines(body);
  if (!Array.isArray(arr)) return [];
  const out: DoccanoRecord[] = [];
  arr.forEach((value: unknown, i) => {
    if (jsonTooDeep(value)) problems.push({ ...problemAt('error', `record ${i}: ${tooDeepMessage('it')}`, file, lines[i] ?? 1), record: i });
    else out.push({ line: lines[i] ?? 1, value, record: i });
  });
  return out;
}

/** Reads doccano JSONL into documents with one (unnamed) annotation set each. */
export function readDoccano(content: string, options: ReadOptions = {}): ReadResult {
  const file = options.fileName;
  const fileUnit = options.offsets ?? 'codepoint';
  const problems: ReadResult['problems'] = [];
  const documents: ImportedDocument[] = [];
  const records = jsonRecords(content, problems, file);
  const evidence = options.unitEvidence ?? {};
  // Several records at hand: the first telling one decides for those before it too.
  if (options.offsets === undefined && evidence.unit === undefined) {
    for (const { value } of records) {
      const text = isRecord(value) ? value['text'] : undefined;
      const found = isRecord(value) && typeof text === 'string' ? rawSpans(value) : null;
      const guess = found && typeof text === 'string' ? unitByTokenBoundaries(text, new UnitConverter(text), numericSpans(found.spans)) : null;
      if (guess) {
        evidence.unit = guess;
        break;
      }
    }
  }
  for (const { line, value, record } of records) {
    // Elements of an array may share a line: say which record, and tag problems with it.
    const at = (severity: Problem['severity'], message: string): Problem =>
      record === undefined ? problemAt(severity, message, file, line) : { ...problemAt(severity, `record ${record}: ${message}`, file, line), record };
    if (!isRecord(value)) {
      problems.push(at('error', record === undefined ? 'line is not a JSON object' : 'is not a JSON object'));
      continue;
    }
    const text = value['text'];
    if (typeof text !== 'string') {
      problems.push(at('error', 'record has no string "text"'));
      continue;
    }
    const meta = metaWithout(value, READ_RESERVED);
    if (isRecord(value['meta'])) for (const [k, v] of Object.entries(value['meta'])) setOwn(meta, k, v);
    else if (value['meta'] !== undefined && value['meta'] !== null) meta['meta'] = value['meta'];
    const label = value['label'];
    if (Array.isArray(label) && label.length > 0 && label.every((x) => typeof x === 'string')) {
      meta['categories'] = label; // a text-classification export: document categories, not spans
    }
    if (Array.isArray(value['relations']) && value['relations'].length > 0) {
      problems.push(at('warning', `${value['relations'].length} relation(s) skipped: relations are not supported`));
    }
    const found = rawSpans(value);
    const doc: ImportedDocument = { text, meta, sets: [], line, ...(record !== undefined ? { record } : {}) };
    documents.push(doc);
    if (!found) continue;
    const conv = new UnitConverter(text);
    // doccano counts code points; spans from a JavaScript tool count UTF-16 units. Unless the unit was
    // given, a record whose spans fall on words in one unit only is read in it, and records that
    // cannot tell follow the file's earlier evidence; the reader says once when it reads UTF-16.
    let unit = fileUnit;
    if (options.offsets === undefined) {
      const guess = unitByTokenBoundaries(text, conv, numericSpans(found.spans));
      if (guess) evidence.unit ??= guess;
      unit = guess ?? evidence.unit ?? fileUnit;
      if (unit === 'utf16' && !evidence.told) {
        evidence.told = true;
        problems.push(at('warning', `${found.key} offsets fall on word boundaries only when read as UTF-16 code units (as JavaScript tools count), not as code points (as doccano counts): this file's offsets are read as UTF-16`));
      }
    }
    const spans: ImportedSpan[] = [];
    found.spans.forEach((raw, i) => {
      const where = `${found.key}[${i}]`;
      if (typeof raw.start !== 'number' || typeof raw.end !== 'number' || typeof raw.label !== 'string') {
        problems.push(at('error', `${where} is not [start, end, "LABEL"]; skipped`));
        return;
      }
      const problem = rangeProblem(raw.start, raw.end, conv.length(unit), unit);
      const start = conv.toUtf16(raw.start, unit);
      const end = conv.toUtf16(raw.end, unit);
      if (problem !== null || start === null || end === null) {
        problems.push(at('error', `${where} ${problem ?? `offsets ${raw.start}-${raw.end} do not fall on characters`}; skipped`));
        return;
      }
      spans.push({ start, end, label: raw.label, source: 'imported' });
    });
    doc.sets.push({ spans });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { documents, problems };
}

/** Writes doccano JSONL, one line per (document, annotation set), offsets in code points unless asked. */
export function writeDoccano(items: readonly ExportItem[], options: WriteOptions = {}): WriteResult {
  const unit = options.offsets ?? 'codepoint';
  const changes: SpanChange[] = [];
  const lines: string[] = [];
  for (const item of items) {
    const conv = UnitConverter.of(item.doc.text);
    const label: [number, number, string][] = [];
    for (const span of inSpanOrder(item.set.spans)) {
      const o = exportOffsets(item, span, conv, unit, changes);
      if (o) label.push([o.start, o.end, span.label]);
      if (o && span.note !== undefined && span.note !== '') changes.push(spanChange(item, span, 'changed', `its note ${JSON.stringify(span.note)} is not written: doccano JSONL has no place for span notes`));
    }
    // The file's own id (kept in meta.id, number or string) survives a round trip; else Spanlight's.
    const own = item.doc.meta['id'];
    const id = typeof own === 'number' || (typeof own === 'string' && own !== '') ? own : item.doc.id;
    const record: Record<string, unknown> = { id, text: item.doc.text, label };
    for (const [k, v] of Object.entries(item.doc.meta)) if (v !== undefined && k !== 'id' && !RESERVED.includes(k)) setOwn(record, k, v);
    lines.push(JSON.stringify(record));
  }
  return { output: lines.map((l) => l + '\n').join(''), changes };
}
