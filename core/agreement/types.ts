/**
 * Shapes of the agreement engine: the plain data it reads (documents, annotation sets) and the
 * report it returns. Offsets are UTF-16 code units, as everywhere inside Spanlight.
 */
import type { DocStatus, DocToken } from '../model.js';

/** What a kappa or alpha unit is: a token of the document, or one character of its text. */
export type AgreementUnit = 'token' | 'char';

/** A span as the engine reads it: `[start, end)` in UTF-16 code units. */
export interface AgreementSpan {
  /** Id of the span in its annotator's set (for drill-down and gold provenance). */
  id: string;
  start: number;
  end: number;
  label: string;
}

/** A document: matched across annotators by its text hash. */
export interface AgreementDocument {
  /** Unique id within the input; sets refer to it. */
  id: string;
  /** Hash of the text (`textHash`): documents with the same hash are the same document. */
  hash: string;
  /** Length of the text in UTF-16 code units. */
  length: number;
  /** The text: needed for token units when the document has no tokens, and for error context. */
  text?: string;
  /** Tokens the document brought (used as units instead of the core tokenizer's). */
  tokens?: readonly DocToken[];
  /** How reports name the document (title, or file and line). */
  name?: string;
}

/** One annotator's work on one document. */
export interface AgreementSet {
  /** Id of the document (an `AgreementDocument.id`). */
  docId: string;
  annotator: string;
  status: DocStatus;
  spans: readonly AgreementSpan[];
}

/** Everything the engine reads. */
export interface AgreementInput {
  documents: readonly AgreementDocument[];
  sets: readonly AgreementSet[];
}

/** Progress of a long computation: documents done out of all. */
export interface AgreementProgress {
  done: number;
  total: number;
}

/** Options of `computeAgreement`. */
export interface AgreementOptions {
  /** Annotators to compare, in this order (default: every annotator with a counted set, sorted). */
  annotators?: readonly string[];
  /** Kappa and alpha units (default `token`). */
  unit?: AgreementUnit;
  /** Labels that must appear in every per-label figure, with 0 counts when nobody used them. */
  labels?: readonly string[];
  /** Statuses of the sets that count (default: `done` only); other sets are left out and counted. */
  statuses?: readonly DocStatus[];
  /** Called every few hundred documents. */
  onProgress?: (progress: AgreementProgress) => void;
  /** List each document's disagreement units (default true); false keeps only their counts, a lighter report. */
  disagreementUnits?: boolean;
  /**
   * Token units already computed, by document id (documents never change, so their tokens do not
   * either): read when present, filled when not. Only used with token units.
   */
  tokenCache?: Map<string, TokenUnits>;
}

/** A document's token units: token i is `[starts[i], ends[i])`. */
export interface TokenUnits {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/** Span counts of a pair, `a` the reference: precision = tp / bCount, recall = tp / aCount. */
export interface SpanCounts {
  /** Spans matched (one to one). */
  tp: number;
  /** Spans of `a` (the reference). */
  aCount: number;
  /** Spans of `b`. */
  bCount: number;
  /** tp / bCount; null when b has no span. */
  precision: number | null;
  /** tp / aCount; null when a has no span. */
  recall: number | null;
  /** 2·tp / (aCount + bCount); null when neither side has a span. */
  f1: number | null;
}

/** Exact and overlap span counts of one label (or of all labels). */
export interface SpanScores {
  exact: SpanCounts;
  overlap: SpanCounts;
}

/**
 * A label × label confusion matrix over boundary-matched spans: `cells[i][j]` counts spans
 * labelled `labels[i]` by the row annotator and `labels[j]` by the column annotator at identical
 * boundaries. The last label is `none`: a span the other side has nothing at.
 */
export interface ConfusionMatrix {
  /** Row and column names, `none` last. */
  labels: string[];
  /** Counts, `cells[row][column]`. */
  cells: number[][];
}

/** A kappa or alpha and what it was computed over. */
export interface CodingFigure {
  /** The coefficient; null when undefined (no units, or chance agreement is total). */
  value: number | null;
  /** Documents it was computed over. */
  documents: number;
  /** Units (tokens or characters) it was computed over; for alpha, pairable units only. */
  units: number;
}

/** The figures of one pair of annotators, over the documents both annotated. */
export interface PairAgreement extends SpanScores {
  a: string;
  b: string;
  /** Documents both annotated (with a counted set). */
  documents: number;
  /** Per label, every label of the report (0 counts for a label neither used). */
  labels: Record<string, SpanScores>;
  /** Cohen's kappa over the units of those documents. */
  cohenKappa: CodingFigure;
  /** Krippendorff's nominal alpha of the pair over the same units. */
  alpha: CodingFigure;
  /** Confusion of a's labels (rows) against b's (columns). */
  confusion: ConfusionMatrix;
}

/** Kinds of disagreement unit. */
export type DisagreementKind = 'agreed' | 'label' | 'boundaries' | 'missing' | 'mixed';

/** A span inside a disagreement unit, with who made it. */
export interface UnitSpan {
  annotator: string;
  span: AgreementSpan;
}

/**
 * Overlapping spans of a document's annotators (connected by overlap), with whether every
 * annotator of the document made exactly the same spans there.
 */
export interface DisagreementUnit {
  /** Stable key within the document: `start-end` of the unit's range. */
  key: string;
  /** Smallest start and largest end of its spans. */
  start: number;
  end: number;
  /** Its spans, by start, end, label, then annotator order. */
  spans: UnitSpan[];
  /**
   * `agreed`: every annotator has the same spans; `missing`: some annotator has none here;
   * `label`: same boundaries, other labels; `boundaries`: same labels, other boundaries; `mixed`: both.
   */
  kind: DisagreementKind;
}

/** One document's disagreements, as the report ranks them. */
export interface DocumentDisagreements {
  docId: string;
  hash: string;
  name?: string;
  /** Annotators (of the chosen ones) who annotated it. */
  annotators: string[];
  /** Units where annotators disagree, in text order (empty when the report was asked without them). */
  units: DisagreementUnit[];
  /** Units where every annotator agrees. */
  agreed: number;
  /** The rank key: the number of disagreement units. */
  score: number;
}

/** Something left out of the figures, and how often. */
export interface Exclusion {
  reason: string;
  count: number;
  annotator?: string;
}

/** Unitizing alpha (Krippendorff 1995/2004) per label and overall. */
export interface UnitizingFigure {
  /** 1 − ΣDo / ΣDe over every label; null when undefined. */
  overall: number | null;
  /** Per label; null for a label nobody used (or whose expected disagreement is 0). */
  labels: Record<string, number | null>;
  /** Documents concatenated into the continuum (those every annotator annotated). */
  documents: number;
  /** Length of the continuum in characters (UTF-16 code units). */
  length: number;
}

/** Everything `computeAgreement` measures. */
export interface AgreementReport {
  unit: AgreementUnit;
  annotators: string[];
  /** Every label of the report: the given list first, then the others used, sorted. */
  labels: string[];
  documents: {
    /** Documents with at least one counted set of the chosen annotators. */
    total: number;
    /** Documents two or more of them annotated. */
    compared: number;
    /** Documents every one of them annotated. */
    complete: number;
  };
  pairs: PairAgreement[];
  /** Fleiss' kappa over the documents every annotator annotated. */
  fleissKappa: CodingFigure;
  /** Krippendorff's nominal alpha over every annotator, missing data allowed. */
  alpha: CodingFigure;
  unitizingAlpha: UnitizingFigure;
  /** Sum of the pairs' confusion matrices (rows: the pair's first annotator). */
  confusion: ConfusionMatrix;
  /** Per annotator: its labels (rows) against every other annotator's (columns), summed. */
  oneVsRest: Record<string, ConfusionMatrix>;
  /** Documents compared, most disagreement units first (then by id). */
  disagreements: DocumentDisagreements[];
  excluded: Exclusion[];
}
