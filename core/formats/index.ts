/** The registry of file formats: ids, names, extensions, and detection from a file name and its first bytes. */
import type { DocStatus } from '../model.js';
import { withoutBom } from './interchange.js';
import type { OffsetUnit } from './types.js';

/** Id of a supported format. */
export type FormatId = 'spanlight' | 'doccano' | 'label-studio' | 'brat' | 'conll' | 'huggingface' | 'webanno' | 'text';

/** What the app and the CLI need to know about a format. */
export interface FormatInfo {
  id: FormatId;
  /** Display name. */
  name: string;
  /** File extensions, lower case, without the dot; the first is the one written. */
  extensions: string[];
  /** Whether spans carry character offsets (false: token tags, which cannot hold overlaps or sub-token spans). */
  offsets: boolean;
  /** The unit the originating tool itself counts in (the writers still default to code points). */
  nativeUnit: OffsetUnit;
  /** The tool reads offsets in its native unit only (brat counts code points): the app offers no other. */
  nativeUnitOnly?: boolean;
  /** One-line description for pickers and help. */
  description: string;
}

/** Every supported format, in the order pickers list them. */
export const FORMATS: readonly FormatInfo[] = [
  { id: 'spanlight', name: 'Spanlight / Prodigy JSONL', extensions: ['jsonl'], offsets: true, nativeUnit: 'codepoint', description: 'Native format: text, spans, hashes, and the tokens a document came with (every document\'s on request); Prodigy db-in compatible.' },
  { id: 'doccano', name: 'doccano JSONL', extensions: ['jsonl'], offsets: true, nativeUnit: 'codepoint', description: 'doccano sequence labeling: {"text", "label": [[start, end, "LABEL"]]}.' },
  { id: 'label-studio', name: 'Label Studio JSON', extensions: ['json'], offsets: true, nativeUnit: 'utf16', description: 'Label Studio tasks with annotations and predictions (labels regions).' },
  { id: 'brat', name: 'brat standoff', extensions: ['ann', 'txt'], offsets: true, nativeUnit: 'codepoint', nativeUnitOnly: true, description: 'brat .txt + .ann pairs: T lines, AnnotatorNotes.' },
  { id: 'conll', name: 'CoNLL (IOB2 / BILOU)', extensions: ['conll', 'iob', 'bio', 'bilou', 'tsv'], offsets: false, nativeUnit: 'codepoint', description: 'Token per line with its tag, blank line between sentences, -DOCSTART- between documents.' },
  { id: 'huggingface', name: 'Hugging Face token classification', extensions: ['jsonl'], offsets: false, nativeUnit: 'codepoint', description: 'JSONL of {"tokens", "ner_tags"} plus the label names list.' },
  { id: 'webanno', name: 'WebAnno TSV 3.3 (INCEpTION)', extensions: ['tsv'], offsets: true, nativeUnit: 'utf16', nativeUnitOnly: true, description: 'INCEpTION\'s interchange format: one .tsv per document, sentences, tokens and named-entity spans (stacked and multi-token).' },
  { id: 'text', name: 'Plain text', extensions: ['txt', 'jsonl'], offsets: false, nativeUnit: 'codepoint', description: 'New documents: .txt files or JSONL of {"text", "meta"}.' },
];

/**
 * Whether a format's records can say an annotation set has `status`: Spanlight JSONL keeps every
 * status, Label Studio marks a skipped set cancelled, the others only hold finished annotations.
 */
export function representsStatus(format: FormatId, status: DocStatus): boolean {
  if (format === 'spanlight') return true;
  if (format === 'label-studio') return status === 'done' || status === 'skipped';
  return status === 'done';
}

/** Formats whose files can tell predictions (`model:*` sets) from annotations. */
const HOLDS_PREDICTIONS: ReadonlySet<FormatId> = new Set<FormatId>(['spanlight', 'label-studio']);

/**
 * The warning for `model:*` sets written in a format that cannot mark predictions (they read as
 * ordinary labels there), or null when there are none or the format can say so.
 */
export function predictionWarning(format: FormatId, annotators: Iterable<string>): string | null {
  if (HOLDS_PREDICTIONS.has(format)) return null;
  const models = [...new Set([...annotators].filter((a) => a.startsWith('model:')))];
  if (models.length === 0) return null;
  return `predictions (${models.join(', ')}) are written as ordinary labels: ${formatInfo(format).name} cannot mark predictions; write Label Studio JSON or Spanlight JSONL to keep them apart`;
}

/** The registry entry of a format id. */
export function formatInfo(id: FormatId): FormatInfo {
  return FORMATS.find((f) => f.id === id)!;
}

/** True when `value` names a supported format. */
export function isFormatId(value: string): value is FormatId {
  return FORMATS.some((f) => f.id === value);
}

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Format of one JSON object record (a JSONL line or an array element). */
function classifyRecord(rec: Record<string, unknown>): FormatId | null {
  if (Array.isArray(rec['tokens']) && (Array.isArray(rec['ner_tags']) || Array.isArray(rec['tags']))) return 'huggingface';
  if (typeof rec['data'] === 'object' && rec['data'] !== null) return 'label-studio';
  if (Array.isArray(rec['spans']) || Array.isArray(rec['tokens'])) return 'spanlight';
  for (const key of ['label', 'labels']) {
    const v = rec[key];
    if (Array.isArray(v) && v.every((x) => Array.isArray(x))) return 'doccano';
  }
  if (Array.isArray(rec['entities'])) return 'doccano';
  if (typeof rec['text'] === 'string') return 'text';
  return null;
}

/** Keys-only guess for a record too long to parse from the first chunk. */
function classifyByKeys(line: string): FormatId | null {
  if (/"ner_tags"\s*:/.test(line) && /"tokens"\s*:/.test(line)) return 'huggingface';
  if (/^\s*\{\s*"data"\s*:/.test(line) || /"annotations"\s*:\s*\[/.test(line)) return 'label-studio';
  if (/"spans"\s*:\s*\[/.test(line) || /"tokens"\s*:\s*\[/.test(line)) return 'spanlight';
  // doccano: `"label": [[0, 5, "X"]]`, or an empty list `"label": []`.
  if (/"labels?"\s*:\s*\[\s*[[\]]/.test(line) || /"entities"\s*:\s*\[/.test(line)) return 'doccano';
  if (/"text"\s*:/.test(line)) return 'text';
  return null;
}

/**
 * The format of a set of records: the first annotated format found (a file whose first records are
 * bare `{"text"}` may carry spans further down), else plain text, else null.
 */
function classifyAll(records: readonly unknown[]): FormatId | null {
  let plain = false;
  for (const rec of records) {
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) continue;
    const f = classifyRecord(rec as Record<string, unknown>);
    if (f === 'text') plain = true;
    else if (f !== null) return f;
  }
  return plain ? 'text' : null;
}

/** The complete elements at the start of a JSON array cut anywhere, or null when none is complete. */
function arrayPrefix(body: string): unknown[] | null {
  let depth = 0;
  let inString = false;
  let lastEnd = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 1) lastEnd = i;
    }
  }
  if (lastEnd < 0) return null;
  try {
    const arr = JSON.parse(`${body.slice(0, lastEnd + 1)}]`) as unknown;
    return Array.isArray(arr) ? arr : null;
  } catch {
    return null;
  }
}

function sniffJson(chunk: string): FormatId | null {
  const body = withoutBom(chunk).trimStart();
  if (body.startsWith('[')) {
    let records: unknown[] | null = null;
    try {
      const arr = JSON.parse(body) as unknown;
      if (Array.isArray(arr)) records = arr;
    } catch {
      records = arrayPrefix(body); // a truncated chunk: its complete elements
    }
    const found = records ? classifyAll(records) : null;
    if (found && found !== 'text') return found;
    const byKeys = /"data"\s*:\s*\{/.test(body) ? 'label-studio' : classifyByKeys(body);
    return byKeys ?? found;
  }
  if (!body.startsWith('{')) return null;
  // JSONL: every complete line of the chunk (the last one only if it parses).
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  const records: unknown[] = [];
  for (const line of lines) {
    try {
      records.push(JSON.parse(line));
    } catch {
      // a pretty-printed object or a truncated line
    }
  }
  const found = classifyAll(records);
  if (found && found !== 'text') return found;
  if (found === null) {
    try {
      const whole = JSON.parse(body) as unknown;
      if (typeof whole === 'object' && whole !== null) return classifyRecord(whole as Record<string, unknown>);
    } catch {
      // truncated
    }
  }
  if (found) return found;
  const nl = body.indexOf('\n');
  return classifyByKeys(nl >= 0 ? body.slice(0, nl) : body);
}

const BRAT_LINE = /^(T\S*\t\S+ \d+ \d+|[RE]\S*\t|#\S*\tAnnotatorNotes )/;
const CONLL_LINE = /^\S+(?:[\t ]+\S+)*[\t ]+(O|[BIELSU]-\S+)\s*$/;

function looksLikeConll(lines: string[]): boolean {
  const content = lines.filter((l) => l.trim() !== '');
  if (content.length === 0) return false;
  const hits = content.filter((l) => l.startsWith('-DOCSTART-') || CONLL_LINE.test(l)).length;
  return hits / content.length >= 0.9;
}

/**
 * Guesses the format of a file from its name and first chunk of text (a few KB is enough):
 * extension first, then content sniffing. Returns null when nothing fits.
 */
export function detectFormat(fileName: string, firstChunk: string): FormatId | null {
  const ext = extensionOf(fileName);
  // Drop a possibly partial last line of the chunk.
  const lines = withoutBom(firstChunk).split(/\r?\n/);
  const whole = lines.length > 1 ? lines.slice(0, -1) : lines;
  // INCEpTION's export says what it is on its first line, whatever the file is called.
  if (/^#FORMAT=WebAnno TSV\b/.test(lines[0] ?? '')) return 'webanno';
  if (ext === 'ann') return 'brat';
  if (['conll', 'conll03', 'conllu', 'iob', 'iob2', 'bio', 'bilou', 'bioes'].includes(ext)) return 'conll';
  const json = sniffJson(firstChunk);
  if (json) return json;
  if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson') return null;
  if (whole.some((l) => l.trim() !== '') && whole.filter((l) => l.trim() !== '').every((l) => BRAT_LINE.test(l) || /^[A-Z*#]\S*\t/.test(l)) && whole.some((l) => BRAT_LINE.test(l))) return 'brat';
  if (looksLikeConll(whole) || ext === 'tsv') return 'conll';
  return 'text';
}
