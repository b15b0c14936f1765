/** Shared shapes of every format reader and writer in `core/formats/`. */
import type { AnnotationSet, DocMeta, DocStatus, DocToken, SpanAnswer, SpanOrigin, SpanSource } from '../model.js';

/** Unit of exported/imported offsets: Unicode code points (Python strings) or UTF-16 code units. */
export type OffsetUnit = 'codepoint' | 'utf16';

/** A problem found while reading or writing; `line` is 1-based when known. */
export interface Problem {
  severity: 'error' | 'warning';
  /** File name (as given by the caller), when known. */
  file?: string;
  /** 1-based line number, when known. */
  line?: number;
  /**
   * 0-based index of the record (array element, Label Studio task) the problem belongs to, set by
   * readers of whole-file formats whose records may share a line (a minified JSON array).
   */
  record?: number;
  /** Human-readable description of the problem. */
  message: string;
}

/** A span as read from a file, already converted to UTF-16 offsets into the document text. */
export interface ImportedSpan {
  start: number;
  end: number;
  label: string;
  source: SpanSource;
  note?: string;
  /** Confidence given by the file (see `Span.score`). */
  score?: number;
  /** Per-span verdict given by the file (see `Span.answer`). */
  answer?: SpanAnswer;
  /** A gold span's provenance, when the file carries it (Spanlight JSONL `origin`). */
  origin?: SpanOrigin;
  /** Fields of the span the model has no place for, kept for the way back (see `Span.extra`). */
  extra?: Record<string, unknown>;
}

/** One annotator's spans as read from a file. */
export interface ImportedSet {
  /** Annotator named in the file, if any. */
  annotator?: string;
  spans: ImportedSpan[];
  status?: DocStatus;
  /** Note on the set (e.g. why it was flagged), when the file carries one. */
  note?: string;
  /** Time spent, milliseconds, when the file carries it. */
  timeSpentMs?: number;
}

/** A document as read from a file: text, metadata, and any annotation sets. */
export interface ImportedDocument {
  text: string;
  meta: DocMeta;
  sets: ImportedSet[];
  /** 1-based line (or record) where the document started, for messages. */
  line?: number;
  /** 0-based index of the record (array element, Label Studio task) in a whole-file format; see `Problem.record`. */
  record?: number;
  /** File the document was read from, when it is not the input itself (a brat pair or a .txt in a folder). */
  file?: string;
  /** Tokens the file brought (UTF-16 offsets into `text`), kept for snapping, token formats and agreement. */
  tokens?: DocToken[];
}

/** What every reader returns. */
export interface ReadResult {
  documents: ImportedDocument[];
  problems: Problem[];
}

/**
 * What the records of one file showed about their offset unit, carried from record to record when a
 * file is read one record at a time (the CLI): the unit the first telling record showed, and whether
 * the reader has said so.
 */
export interface UnitEvidence {
  unit?: OffsetUnit;
  told?: boolean;
}

/** Options shared by readers. */
export interface ReadOptions {
  /** File name used in problem messages. */
  fileName?: string;
  /** Offset unit when spans do not carry their text (default codepoint). */
  offsets?: OffsetUnit;
  /** Evidence about the unit from earlier records of the same file (one object per file). */
  unitEvidence?: UnitEvidence;
}

/** A document plus one of its annotation sets, the unit every writer consumes. */
export interface ExportItem {
  doc: { id: string; text: string; meta: DocMeta; tokens?: DocToken[] };
  set: AnnotationSet;
}

/** A span a writer could not write as it was, and what it did instead. */
export interface SpanChange {
  docId: string;
  annotator: string;
  spanId: string;
  label: string;
  start: number;
  end: number;
  action: 'dropped' | 'changed';
  reason: string;
}

/** Options shared by writers. */
export interface WriteOptions {
  /** Offset unit of the written file (default codepoint). */
  offsets?: OffsetUnit;
  /**
   * Spanlight JSONL: write `tokens` (and span `token_start`/`token_end`) for every document, the core
   * tokenizer's for documents that brought none. Off by default: documents that brought their own
   * tokens always write them; the others leave them out (they are 85 % of a corpus export).
   */
  tokens?: boolean;
  /**
   * CoNLL and Hugging Face: receives the output in pieces as it is made (a document of millions of
   * tokens is never one string); `WriteResult.output` is then empty.
   */
  sink?: (chunk: string) => void;
}

/** What every writer returns. */
export interface WriteResult {
  output: string;
  changes: SpanChange[];
  /** What the writer could not hold, said once per file rather than per span (e.g. predictions written as labels). */
  warnings?: string[];
}
