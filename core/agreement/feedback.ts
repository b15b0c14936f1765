/**
 * Feedback for one annotator: their spans against gold, sorted into what they missed, what they
 * added, what they labelled differently and where their boundaries differ (the audit classes,
 * named for the person reading them).
 */
import { auditAgreement, type AuditRow } from './audit.js';
import { transposed } from './pair-counts.js';
import type { AgreementInput, ConfusionMatrix, SpanScores } from './types.js';
import type { DocStatus } from '../model.js';

/** Options of `annotatorFeedback`. */
export interface FeedbackOptions {
  annotator: string;
  /** The reference (default `gold`). */
  gold?: string;
  labels?: readonly string[];
  /** Statuses that count, for gold and the annotator alike (default `done`). */
  statuses?: readonly DocStatus[];
}

/** One annotator's spans against gold. */
export interface AnnotatorFeedback {
  annotator: string;
  gold: string;
  /** Documents both gold and the annotator finished. */
  documents: number;
  /** Gold spans none of the annotator's spans overlaps. */
  missed: AuditRow[];
  /** The annotator's spans no gold span overlaps. */
  added: AuditRow[];
  /** Spans at the same place with another label (same or other boundaries). */
  labelledDifferently: AuditRow[];
  /** Spans with the gold label whose boundaries differ. */
  boundaries: AuditRow[];
  /** Spans exactly as in gold. */
  correct: number;
  /** Exact and overlap scores with gold as the reference. */
  scores: SpanScores;
  /** The annotator's labels (rows) against gold's (columns), at identical boundaries. */
  confusion: ConfusionMatrix;
}

/** Compares one annotator's finished work with gold. */
export function annotatorFeedback(input: AgreementInput, options: FeedbackOptions): AnnotatorFeedback {
  const statuses = options.statuses ?? ['done'];
  const report = auditAgreement(input, {
    gold: options.gold ?? 'gold',
    pred: options.annotator,
    statuses,
    predStatuses: statuses,
    ...(options.labels ? { labels: options.labels } : {}),
  });
  const of = (...classes: AuditRow['class'][]) => report.errors.filter((r) => classes.includes(r.class));
  return {
    annotator: options.annotator,
    gold: report.gold,
    documents: report.documents,
    missed: of('missed'),
    added: of('spurious'),
    labelledDifferently: of('wrong_label', 'wrong_both'),
    boundaries: of('wrong_boundaries'),
    correct: report.classes.correct,
    scores: { exact: report.exact, overlap: report.overlap },
    confusion: transposed(report.confusion),
  };
}
