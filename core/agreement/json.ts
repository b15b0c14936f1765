/**
 * The JSON the CLI prints (and the app exports): the agreement report with exactly the keys of
 * issue #8, and the audit report. Offsets in errors are converted by the caller's function (the
 * CLI writes code points, like the files it read).
 */
import type { AuditReport } from './audit.js';
import type { AgreementReport, AgreementSpan, ConfusionMatrix, SpanCounts, SpanScores } from './types.js';

/** `{tp, a_count, b_count, precision, recall, f1}`. */
export interface CountsJson {
  tp: number;
  a_count: number;
  b_count: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** One pair of `spanlight agreement --json`. */
export interface PairJson {
  a: string;
  b: string;
  documents: number;
  exact: CountsJson;
  overlap: CountsJson;
  labels: Record<string, { exact: CountsJson; overlap: CountsJson }>;
  cohen_kappa: number | null;
  alpha: number | null;
}

/** The object `spanlight agreement --json` prints. */
export interface AgreementJson {
  documents: number;
  annotators: string[];
  pairs: PairJson[];
  fleiss_kappa: number | null;
  alpha: number | null;
  unitizing_alpha: { overall: number | null; labels: Record<string, number | null> };
  confusion: Record<string, Record<string, number>>;
}

function counts(c: SpanCounts): CountsJson {
  return { tp: c.tp, a_count: c.aCount, b_count: c.bCount, precision: c.precision, recall: c.recall, f1: c.f1 };
}

function scores(s: SpanScores): { exact: CountsJson; overlap: CountsJson } {
  return { exact: counts(s.exact), overlap: counts(s.overlap) };
}

/** `{row label: {column label: count}}`, `none` included. */
export function confusionJson(m: ConfusionMatrix): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  m.labels.forEach((row, i) => {
    out[row] = {};
    m.labels.forEach((col, j) => (out[row]![col] = m.cells[i]![j]!));
  });
  return out;
}

/**
 * The agreement report as `spanlight agreement --json` prints it: `documents` counts the
 * documents with at least one counted set; the confusion is the sum over pairs.
 */
export function agreementJson(report: AgreementReport): AgreementJson {
  return {
    documents: report.documents.total,
    annotators: report.annotators,
    pairs: report.pairs.map((p) => ({
      a: p.a,
      b: p.b,
      documents: p.documents,
      exact: counts(p.exact),
      overlap: counts(p.overlap),
      labels: Object.fromEntries(Object.entries(p.labels).map(([l, s]) => [l, scores(s)])),
      cohen_kappa: p.cohenKappa.value,
      alpha: p.alpha.value,
    })),
    fleiss_kappa: report.fleissKappa.value,
    alpha: report.alpha.value,
    unitizing_alpha: { overall: report.unitizingAlpha.overall, labels: report.unitizingAlpha.labels },
    confusion: confusionJson(report.confusion),
  };
}

/** Gold-reference counts: `{tp, gold_count, pred_count, precision, recall, f1}`. */
function auditCounts(c: SpanCounts) {
  return { tp: c.tp, gold_count: c.aCount, pred_count: c.bCount, precision: c.precision, recall: c.recall, f1: c.f1 };
}

/**
 * The audit report as `spanlight audit --json` prints it. `offset(docId, utf16)` converts error
 * offsets (default: UTF-16, unchanged); `text(docId, span)` gives a span's text when known.
 */
export function auditJson(report: AuditReport, offset: (docId: string, utf16: number) => number = (_d, o) => o, text?: (docId: string, span: AgreementSpan) => string) {
  const span = (docId: string, s: AgreementSpan | null) =>
    s && { start: offset(docId, s.start), end: offset(docId, s.end), label: s.label, ...(text ? { text: text(docId, s) } : {}) };
  return {
    gold: report.gold,
    pred: report.pred,
    documents: report.documents,
    unit: report.unit,
    exact: auditCounts(report.exact),
    overlap: auditCounts(report.overlap),
    labels: Object.fromEntries(Object.entries(report.perLabel).map(([l, s]) => [l, { exact: auditCounts(s.exact), overlap: auditCounts(s.overlap) }])),
    macro: report.macro,
    classes: report.classes,
    classes_by_label: report.classesByLabel,
    confusion: confusionJson(report.confusion),
    tokens: report.tokens,
    errors: report.errors.map((r) => ({
      document: r.docId,
      ...(r.name !== undefined ? { name: r.name } : {}),
      class: r.class,
      gold: span(r.docId, r.gold),
      pred: span(r.docId, r.pred),
      ...(r.shared ? { shared: r.shared } : {}),
      ...(r.context ? { context: r.context } : {}),
    })),
    excluded: report.excluded,
  };
}
