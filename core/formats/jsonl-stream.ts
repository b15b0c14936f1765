/**
 * Per-record reading of the line-oriented formats (Spanlight/Prodigy, doccano, Hugging Face and text
 * JSONL), so callers can stream a file line by line: one decoded line in, its documents and problems
 * out, with the caller's line number on every problem and document.
 */
import type { FormatId } from './index.js';
import { readDoccano } from './doccano.js';
import { readHuggingFace } from './huggingface.js';
import { readTextJsonl } from './plaintext.js';
import { withoutBom } from './interchange.js';
import { parseSpanlightLine } from './spanlight-jsonl.js';
import type { ImportedDocument, OffsetUnit, Problem, UnitEvidence } from './types.js';

/** Formats whose files hold one JSON record per line. */
export type JsonlFormatId = Extract<FormatId, 'spanlight' | 'doccano' | 'huggingface' | 'text'>;

/** True when `format` is read one line at a time. */
export function isJsonlFormat(format: FormatId): format is JsonlFormatId {
  return format === 'spanlight' || format === 'doccano' || format === 'huggingface' || format === 'text';
}

/** Options of `readJsonlRecord`. */
export interface JsonlRecordOptions {
  /** File name used in problems. */
  fileName?: string;
  /** Offset unit when spans do not carry their text (default codepoint). */
  offsets?: OffsetUnit;
  /** Evidence about the unit from earlier lines of the same file (one object per file). */
  unitEvidence?: UnitEvidence;
  /** Hugging Face label names by id. */
  labelNames?: readonly string[];
  /** The line is the last of the file and had no line terminator (a truncated write). */
  unterminated?: boolean;
}

/** What one line yields: zero or one document, and its problems. */
export interface JsonlRecord {
  documents: ImportedDocument[];
  problems: Problem[];
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? 'a string' : `a ${typeof v}`;
}

function located(p: Problem, file: string | undefined, line: number): Problem {
  const out: Problem = { ...p, line };
  if (file !== undefined) out.file = file;
  else delete out.file;
  return out;
}

/**
 * Reads one line (without its terminator; a trailing "\r" and a BOM are accepted) of a JSONL file
 * of `format`. Empty lines give a warning; invalid JSON, a truncated last line and a line that is not
 * an object give an error naming the line.
 */
export function readJsonlRecord(format: JsonlFormatId, line: string, lineNo: number, options: JsonlRecordOptions = {}): JsonlRecord {
  const file = options.fileName;
  let raw = line.endsWith('\r') ? line.slice(0, -1) : line;
  raw = withoutBom(raw);
  const fail = (severity: Problem['severity'], message: string): JsonlRecord => ({
    documents: [],
    problems: [located({ severity, message }, file, lineNo)],
  });
  if (raw.trim() === '') return fail('warning', 'empty line skipped');
  if (raw.trimStart()[0] !== '{') {
    // Not an object: say what it is (rare, so parsing twice costs nothing).
    try {
      return fail('error', `the line is ${describe(JSON.parse(raw))}, not a JSON object`);
    } catch (e) {
      return fail('error', invalidJson(e, options.unterminated === true));
    }
  }
  let result: JsonlRecord;
  switch (format) {
    case 'spanlight': {
      const r = parseSpanlightLine(raw, lineNo, { fileName: file, offsets: options.offsets });
      result = { documents: r.document ? [r.document] : [], problems: r.problems };
      break;
    }
    case 'doccano':
      result = readDoccano(`${raw}\n`, { fileName: file, offsets: options.offsets, ...(options.unitEvidence ? { unitEvidence: options.unitEvidence } : {}) });
      break;
    case 'huggingface':
      result = readHuggingFace(`${raw}\n`, { fileName: file, labelNames: options.labelNames });
      break;
    case 'text':
      result = readTextJsonl(file ?? '', `${raw}\n`);
      break;
  }
  const problems = result.problems.map((p) => {
    const q = located(p, file, lineNo);
    if (options.unterminated && q.severity === 'error' && q.message.startsWith('invalid JSON')) {
      q.message = `truncated last line (no line terminator): ${q.message}`;
    }
    return q;
  });
  for (const d of result.documents) d.line = lineNo;
  return { documents: result.documents, problems };
}

function invalidJson(e: unknown, unterminated: boolean): string {
  const why = `invalid JSON (${(e as Error).message})`;
  return unterminated ? `truncated last line (no line terminator): ${why}` : why;
}
