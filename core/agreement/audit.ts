/**
 * Auditing predictions (a `model:*` set, or any annotator) against gold: span precision, recall and
 * F1 per label (exact and overlap, micro and macro), the audit classes, token accuracy, and every
 * error with its document and context. Deterministic: the same sets give the same report
 * whatever order their documents and spans come in.
 */
import { AUDIT_CLASSES, auditDocument, type AuditClass, type AuditPair } from './audit-match.js';
import { PairCounts, splitByLabel } from './pair-counts.js';
import { prepareCorpus } from './prepare.js';
import { compareText } from './span-matching.js';
import { CategoryTable, TouchedUnits, categorize, documentUnits } from './units.js';
import type { AgreementDocument, AgreementInput, AgreementUnit, ConfusionMatrix, Exclusion, SpanCounts, SpanScores } from './types.js';
import type { DocStatus } from '../model.js';

export { AUDIT_CLASSES, type AuditClass } from './audit-match.js';

/** Options of `auditAgreement`. */
export interface AuditOptions {
  /** The reference annotator (default `gold`). */
  gold?: string;
  /** The annotator whose spans are audited. */
  pred: string;
  /** Units of the token accuracy (default `token`). */
  unit?: AgreementUnit;
  /** Labels that must appear in every per-label figure. */
  labels?: readonly string[];
  /** Statuses of gold sets that count (default `done`). */
  statuses?: readonly DocStatus[];
  /** Statuses of prediction sets that count (default: any, a model's predictions have no workflow). */
  predStatuses?: readonly DocStatus[];
  /** Characters of context on each side of an error (default 40). */
  context?: number;
}

/** Text around an error: `before`, the covered `text` (both spans' range), `after`. */
export interface ErrorContext {
  before: string;
  text: string;
  after: string;
}

/** One audit row of a document, with where it is. */
export interface AuditRow extends AuditPair {
  docId: string;
  name?: string;
  /** Present when the document's text was given. */
  context?: ErrorContext;
}

/** Macro averages: the mean over labels of each figure (labels where it is defined). */
export interface MacroScores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Everything `auditAgreement` measures. */
export interface AuditReport {
  gold: string;
  pred: string;
  unit: AgreementUnit;
  labels: string[];
  /** Documents with both a counted gold set and a prediction set. */
  documents: number;
  /** Gold counts as the reference: recall = tp / gold spans, precision = tp / predictions. */
  exact: SpanCounts;
  overlap: SpanCounts;
  perLabel: Record<string, SpanScores>;
  macro: { exact: MacroScores; overlap: MacroScores };
  classes: Record<AuditClass, number>;
  /** By label: the gold span's label, or the prediction's for a spurious one. */
  classesByLabel: Record<string, Record<AuditClass, number>>;
  /** Gold labels (rows) against predicted ones (columns) at identical boundaries. */
  confusion: ConfusionMatrix;
  /** Units whose category (sorted labels covering it, or O) is the same in gold and prediction. */
  tokens: { units: number; correct: number; accuracy: number | null };
  /** Every row that is not correct, by document (name, then id) then text order. */
  errors: AuditRow[];
  excluded: Exclusion[];
}

function emptyClasses(): Record<AuditClass, number> {
  return Object.fromEntries(AUDIT_CLASSES.map((c) => [c, 0])) as Record<AuditClass, number>;
}

function mean(values: (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((s, v) => s + v, 0) / defined.length : null;
}

function macro(perLabel: Record<string, SpanScores>, kind: 'exact' | 'overlap'): MacroScores {
  const scores = Object.values(perLabel).map((s) => s[kind]);
  return { precision: mean(scores.map((s) => s.precision)), recall: mean(scores.map((s) => s.recall)), f1: mean(scores.map((s) => s.f1)) };
}

function contextOf(doc: AgreementDocument, row: AuditPair, width: number): ErrorContext | undefined {
  if (doc.text === undefined) return undefined;
  const spans = [row.gold, row.pred].filter((s) => s !== null);
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return { before: doc.text.slice(Math.max(0, start - width), start), text: doc.text.slice(start, end), after: doc.text.slice(end, end + width) };
}

/** Audits `pred` against `gold` over the documents both have a counted set for. */
export function auditAgreement(input: AgreementInput, options: AuditOptions): AuditReport {
  const gold = options.gold ?? 'gold';
  const pred = options.pred;
  if (gold === pred) throw new Error(`gold and predictions are the same annotator (${gold})`);
  const unit = options.unit ?? 'token';
  const width = options.context ?? 40;
  // Prediction sets of any status, unless asked otherwise: then they must have one of `predStatuses`.
  const predStatuses = options.predStatuses;
  const sets = predStatuses ? input.sets.filter((s) => s.annotator !== pred || predStatuses.includes(s.status)) : input.sets;
  const predLeftOut = input.sets.length - sets.length;
  const corpus = prepareCorpus({ documents: input.documents, sets }, { annotators: [gold, pred], labels: options.labels, statuses: options.statuses, anyStatus: [pred] });
  const { labels } = corpus;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const counts = new PairCounts(labelIndex, labels);
  const classes = emptyClasses();
  const classesByLabel: Record<string, Record<AuditClass, number>> = Object.fromEntries(labels.map((l) => [l, emptyClasses()]));
  const errors: AuditRow[] = [];
  const table = new CategoryTable();
  const touched = new TouchedUnits();
  let units = 0;
  let correctUnits = 0;
  let goldOnly = 0;
  let predOnly = 0;
  const compared = corpus.documents.filter((d) => {
    if (d.sets[0] && d.sets[1]) return true;
    if (d.sets[0]) goldOnly++;
    else predOnly++;
    return false;
  });
  // By name (title), then id: an order that does not depend on the order records came in.
  compared.sort((x, y) => compareText(x.doc.name ?? x.doc.id, y.doc.name ?? y.doc.id) || compareText(x.doc.id, y.doc.id));
  for (const { doc, sets } of compared) {
    const g = sets[0]!;
    const p = sets[1]!;
    counts.add(g, p, splitByLabel(g, labelIndex, labels.length), splitByLabel(p, labelIndex, labels.length));
    for (const row of auditDocument(g, p)) {
      classes[row.class]++;
      classesByLabel[(row.gold ?? row.pred)!.label]![row.class]++;
      if (row.class === 'correct') continue;
      const context = contextOf(doc, row, width);
      errors.push({ ...row, docId: doc.id, ...(doc.name !== undefined ? { name: doc.name } : {}), ...(context ? { context } : {}) });
    }
    const du = documentUnits(unit, doc, [g, p]);
    const cg = new Int32Array(du.count);
    const cp = new Int32Array(du.count);
    touched.reset(du.count);
    categorize(du, g, table, cg, touched);
    categorize(du, p, table, cp, touched);
    for (let u = 0; u < du.count; u++) {
      const w = du.weights ? du.weights[u]! : 1;
      units += w;
      if (cg[u] === cp[u]) correctUnits += w;
    }
  }
  const perLabel = counts.labelScores();
  const excluded: Exclusion[] = [...corpus.excluded];
  if (predLeftOut > 0) excluded.push({ reason: `set with a status other than ${predStatuses!.join(', ')}`, count: predLeftOut, annotator: pred });
  if (goldOnly > 0) excluded.push({ reason: 'gold document without predictions', count: goldOnly });
  if (predOnly > 0) excluded.push({ reason: 'predicted document without a counted gold set', count: predOnly });
  return {
    gold,
    pred,
    unit,
    labels,
    documents: compared.length,
    ...counts.scores(),
    perLabel,
    macro: { exact: macro(perLabel, 'exact'), overlap: macro(perLabel, 'overlap') },
    classes,
    classesByLabel,
    confusion: counts.confusionMatrix(),
    tokens: { units, correct: correctUnits, accuracy: units > 0 ? correctUnits / units : null },
    errors,
    excluded,
  };
}
