/** The registry of file formats: ids, names, extensions, and detection from a file name and its first bytes. */
import type { OffsetUnit } from './types.js';

/** Id of a supported format. */
export type FormatId = 'spanlight' | 'doccano' | 'label-studio' | 'brat' | 'conll' | 'huggingface' | 'text';

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
  /** One-line description for pickers and help. */
  description: string;
}

/** Every supported format, in the order pickers list them. */
export const FORMATS: readonly FormatInfo[] = [
  { id: 'spanlight', name: 'Spanlight / Prodigy JSONL', extensions: ['jsonl'], offsets: true, nativeUnit: 'codepoint', description: 'Native format: text, spans with token indices, tokens, hashes (Prodigy db-in compatible).' },
  { id: 'doccano', name: 'doccano JSONL', extensions: ['jsonl'], offsets: true, nativeUnit: 'codepoint', description: 'doccano sequence labeling: {"text", "label": [[start, end, "LABEL"]]}.' },
  { id: 'label-studio', name: 'Label Studio JSON', extensions: ['json'], offsets: true, nativeUnit: 'utf16', description: 'Label Studio tasks with annotations and predictions (labels regions).' },
  { id: 'brat', name: 'brat standoff', extensions: ['ann', 'txt'], offsets: true, nativeUnit: 'codepoint', description: 'brat .txt + .ann pairs: T lines, AnnotatorNotes.' },
  { id: 'conll', name: 'CoNLL (IOB2 / BILOU)', extensions: ['conll', 'iob', 'bio', 'bilou', 'tsv'], offsets: false, nativeUnit: 'codepoint', description: 'Token per line with its tag, blank line between sentences, -DOCSTART- between documents.' },
  { id: 'huggingface', name: 'Hugging Face token classification', extensions: ['jsonl'], offsets: false, nativeUnit: 'codepoint', description: 'JSONL of {"tokens", "ner_tags"} plus the label names list.' },
  { id: 'text', name: 'Plain text', extensions: ['txt', 'jsonl'], offsets: false, nativeUnit: 'codepoint', description: 'New documents: .txt files or JSONL of {"text", "meta"}.' },
];

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
  if (/"labels?"\s*:\s*\[\s*\[/.test(line) || /"entities"\s*:\s*\[/.test(line)) return 'doccano';
  if (/"text"\s*:/.test(line)) return 'text';
  return null;
}

function sniffJson(chunk: string): FormatId | null {
  const body = chunk.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('[')) {
    try {
      const arr = JSON.parse(body) as unknown;
      const first = Array.isArray(arr) ? arr[0] : undefined;
      if (typeof first === 'object' && first !== null) return classifyRecord(first as Record<string, unknown>);
    } catch {
      // truncated chunk: fall back to key sniffing
    }
    return /"data"\s*:\s*\{/.test(body) ? 'label-studio' : classifyByKeys(body);
  }
  if (!body.startsWith('{')) return null;
  const nl = body.indexOf('\n');
  const first = nl >= 0 ? body.slice(0, nl) : body;
  try {
    const rec = JSON.parse(first) as unknown;
    if (typeof rec === 'object' && rec !== null && !Array.isArray(rec)) return classifyRecord(rec as Record<string, unknown>);
  } catch {
    // a pretty-printed object or a truncated line
  }
  try {
    const whole = JSON.parse(body) as unknown;
    if (typeof whole === 'object' && whole !== null) return classifyRecord(whole as Record<string, unknown>);
  } catch {
    // truncated
  }
  return classifyByKeys(first);
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
  const lines = firstChunk.replace(/^\uFEFF/, '').split(/\r?\n/);
  const whole = lines.length > 1 ? lines.slice(0, -1) : lines;
  if (ext === 'ann') return 'brat';
  if (['conll', 'conll03', 'conllu', 'iob', 'iob2', 'bio', 'bilou', 'bioes'].includes(ext)) return 'conll';
  const json = sniffJson(firstChunk);
  if (json) return json;
  if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson') return null;
  if (whole.some((l) => l.trim() !== '') && whole.filter((l) => l.trim() !== '').every((l) => BRAT_LINE.test(l) || /^[A-Z*#]\S*\t/.test(l)) && whole.some((l) => BRAT_LINE.test(l))) return 'brat';
  if (looksLikeConll(whole) || ext === 'tsv') return 'conll';
  return 'text';
}
