/** The span model shared by the app, the CLI and the formats. Offsets here are UTF-16 code units. */

/** Where a span came from. */
export type SpanSource = 'manual' | 'suggested' | 'imported';

/** How an adjudicated span was decided (see `SpanOrigin`). */
export type SpanResolution = 'agreed' | 'chosen' | 'both' | 'edited';

/**
 * Where a span of the adjudicated (`gold`) set came from: the annotators' spans it was made from
 * and the resolution that made it. `agreed`: every annotator of the document had this span;
 * `chosen`: one annotator's span was taken; `both`: every distinct span of the disagreement was
 * taken; `edited`: the adjudicator chose the boundaries and the label by hand (the spans listed
 * are the ones whose boundaries or label were kept).
 */
export interface SpanOrigin {
  /** Annotators whose spans it was made from, in the order of the adjudication. */
  annotators: string[];
  /** Ids of those spans in their annotators' sets. */
  spanIds: string[];
  /** How the disagreement (or agreement) was resolved. */
  resolution: SpanResolution;
}

/** A labeled range of a document's text, `[start, end)` in UTF-16 code units. */
export interface Span {
  /** Stable id, unique within its annotation set. */
  id: string;
  /** Inclusive start, UTF-16 code units. */
  start: number;
  /** Exclusive end, UTF-16 code units. */
  end: number;
  /** Label name, e.g. "LOCATION". */
  label: string;
  /** How the span was made. */
  source: SpanSource;
  /** Annotator name that made the span. */
  createdBy: string;
  /** Milliseconds since the epoch when the span was made. */
  createdAt: number;
  /** Optional free-text note. */
  note?: string;
  /** For an adjudicated (gold) span: whose spans it came from and how it was decided. */
  origin?: SpanOrigin;
  /** Confidence of a predicted span (Label Studio region `score`, Prodigy span `score`), when the file gave one. */
  score?: number;
  /** Prodigy's verdict on this span in a binary annotation (`answer` on the span), when the file gave one. */
  answer?: SpanAnswer;
  /**
   * Fields the span carried in its file that the model has no place for (Prodigy `input_hash`, `rank`,
   * a source model name; Label Studio region ids under `label_studio`; WebAnno features under `webanno`;
   * the CoNLL tag column under `conll`), kept so a writer of that format can give them back.
   */
  extra?: Record<string, unknown>;
}

/** Prodigy's verdict on a span or a task. */
export type SpanAnswer = 'accept' | 'reject' | 'ignore';

/** Workflow status of one annotator's work on one document. */
export type DocStatus = 'todo' | 'in_progress' | 'done' | 'skipped' | 'flagged';

/** All statuses, in the order the UI lists them. */
export const DOC_STATUSES: readonly DocStatus[] = ['todo', 'in_progress', 'done', 'skipped', 'flagged'];

/** Annotator name of the adjudicated (gold) version. */
export const GOLD_ANNOTATOR = 'gold';

/** Metadata carried by a document (source file, title, url, date, anything imported). */
export interface DocMeta {
  title?: string;
  source?: string;
  url?: string;
  date?: string;
  [key: string]: unknown;
}

/**
 * A token a file brought with its document (CoNLL, Hugging Face, Prodigy `tokens`, WebAnno TSV):
 * `[start, end)` in UTF-16 code units of the document text. Documents that brought tokens keep them
 * for snapping, token formats and token agreement; the core tokenizer serves the others.
 */
export interface DocToken {
  /** Inclusive start, UTF-16 code units. */
  start: number;
  /** Exclusive end, UTF-16 code units. */
  end: number;
}

/** A document: its text never changes after import; spans are offsets into it. */
export interface DocumentRecord {
  /** Stable id (derived from the text hash). */
  id: string;
  /** The imported text, exactly as read (no normalization). */
  text: string;
  /** Hex hash of the text, used to detect duplicates. */
  hash: string;
  /** Imported metadata. */
  meta: DocMeta;
  /** Position in the project's document list. */
  order: number;
  /** Milliseconds since the epoch when it was imported. */
  importedAt: number;
  /** Tokens the imported file brought, in text order; absent when the core tokenizer serves. */
  tokens?: DocToken[];
}

/** One annotator's spans and status for one document. */
export interface AnnotationSet {
  /** Document id. */
  docId: string;
  /** Annotator name (`gold` for adjudicated, `model:NAME` for predictions). */
  annotator: string;
  /** Spans, sorted by start then end. */
  spans: Span[];
  /** Workflow status. */
  status: DocStatus;
  /** Note explaining a flag (or any status). */
  note?: string;
  /** Time spent on the document, milliseconds. */
  timeSpentMs: number;
  /** Milliseconds since the epoch of the last change. */
  updatedAt: number;
}

/** A label of the project's schema. */
export interface LabelDef {
  /** Label name as stored on spans. */
  name: string;
  /** CSS color (hex). */
  color: string;
  /** Single-character keyboard shortcut. */
  key: string;
  /** One-line description. */
  description: string;
}

/** Project-wide behaviour switches. */
export interface ProjectSettings {
  /** Snap selections outward to token boundaries. */
  snapToTokens: boolean;
  /** Allow spans to overlap. */
  allowOverlaps: boolean;
}

/** Sorts spans by start, then end, then label, without mutating the input. */
export function sortSpans<T extends { start: number; end: number; label: string }>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
}
