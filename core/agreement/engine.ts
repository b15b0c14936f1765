/**
 * The agreement engine: every figure of the agreement report in one pass over the documents
 * (span F1 per pair and label, token or character kappa and alpha, unitizing alpha, confusion,
 * and each document's disagreement units). The same function serves the app (in a worker), the
 * CLI and library callers; `docs/agreement.md` defines every figure.
 */
import { CodedUnits, PairTable, cohenKappa, pairAlpha } from './coding.js';
import { Continuum } from './continuum.js';
import { disagreementsOf } from './document-disagreements.js';
import { PairCounts, splitByLabel, sumMatrices, transposed } from './pair-counts.js';
import { prepareCorpus, type PreparedDocument } from './prepare.js';
import { CategoryTable, OUTSIDE, TouchedUnits, cachedTokenUnits, categorize, documentUnits } from './units.js';
import type {
  AgreementInput, AgreementOptions, AgreementReport, AgreementSpan, ConfusionMatrix, DocumentDisagreements, Exclusion,
  PairAgreement, TokenUnits,
} from './types.js';

const PROGRESS_EVERY = 500;

/** Coding accumulators of the run. */
interface Coding {
  table: CategoryTable;
  pairTables: PairTable[];
  pairUnits: number[];
  all: CodedUnits;
  complete: CodedUnits;
  scratch: Int32Array[];
  touched: TouchedUnits;
  values: Int32Array;
  zeros: Int32Array;
}

/** Adds one document's units to the kappa and alpha accumulators. */
function codeDocument(entry: PreparedDocument, unit: 'token' | 'char', pairIndex: number[][], coding: Coding, complete: boolean, cache?: Map<string, TokenUnits>): number {
  const present: number[] = [];
  entry.sets.forEach((s, i) => s && present.push(i));
  const lists = present.map((i) => entry.sets[i]!);
  // Without a cache the tokenizer's arrays are scratch space, used up before the next document.
  const units = unit === 'token' && cache ? cachedTokenUnits(entry.doc, cache) : documentUnits(unit, entry.doc, lists, true);
  const m = present.length;
  const { scratch, touched, values } = coding;
  touched.reset(units.count);
  for (let k = 0; k < m; k++) {
    if (scratch[k]!.length < units.count) scratch[k] = new Int32Array(Math.max(units.count, scratch[k]!.length * 2));
    categorize(units, lists[k]!, coding.table, scratch[k]!, touched);
  }
  let total = units.count;
  if (units.weights) {
    total = 0;
    for (let u = 0; u < units.count; u++) total += units.weights[u]!;
  }
  // Only units some span covers can differ; the others (most of a document) are O for everyone.
  const tables = present.map((a) => present.map((b) => (a < b ? coding.pairTables[pairIndex[a]![b]!]! : null)));
  let outside = total;
  for (let t = 0; t < touched.count; t++) {
    const u = touched.list[t]!;
    const w = units.weights ? units.weights[u]! : 1;
    outside -= w;
    for (let k = 0; k < m; k++) values[k] = scratch[k]![u]!;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) tables[p]![q]!.add(values[p]!, values[q]!, w);
    coding.all.add(values, m, w);
    if (complete) coding.complete.add(values, m, w);
  }
  if (outside > 0) {
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) tables[p]![q]!.add(OUTSIDE, OUTSIDE, outside);
    coding.all.add(coding.zeros, m, outside);
    if (complete) coding.complete.add(coding.zeros, m, outside);
  }
  for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) coding.pairUnits[pairIndex[present[p]!]![present[q]!]!]! += total;
  return total;
}

/** Measures agreement between annotators; see `AgreementOptions` for what counts. */
export function computeAgreement(input: AgreementInput, options: AgreementOptions = {}): AgreementReport {
  const unit = options.unit ?? 'token';
  const corpus = prepareCorpus(input, options);
  const { annotators, labels, documents } = corpus;
  const R = annotators.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const pairs: [number, number][] = [];
  const pairIndex: number[][] = annotators.map(() => annotators.map(() => -1));
  for (let a = 0; a < R; a++) for (let b = a + 1; b < R; b++) pairIndex[a]![b] = pairs.push([a, b]) - 1;
  const counts = pairs.map(() => new PairCounts(labelIndex, labels));
  const coding: Coding = {
    table: new CategoryTable(),
    pairTables: pairs.map(() => new PairTable()),
    pairUnits: pairs.map(() => 0),
    all: new CodedUnits(),
    complete: new CodedUnits(),
    scratch: annotators.map(() => new Int32Array(1024)),
    touched: new TouchedUnits(),
    values: new Int32Array(Math.max(R, 1)),
    zeros: new Int32Array(Math.max(R, 1)),
  };
  const continuum = new Continuum(R, labels, labelIndex);
  const listUnits = options.disagreementUnits !== false;
  const disagreements: DocumentDisagreements[] = [];
  let compared = 0;
  let complete = 0;
  let allUnits = 0;
  let completeUnits = 0;
  const total = documents.length;
  documents.forEach((entry, d) => {
    if (options.onProgress && d % PROGRESS_EVERY === 0) options.onProgress({ done: d, total });
    if (entry.present < 2) return;
    compared++;
    const isComplete = entry.present === R;
    const byLabel = entry.sets.map((s) => (s ? splitByLabel(s, labelIndex, labels.length) : null));
    pairs.forEach(([a, b], p) => {
      const sa = entry.sets[a];
      const sb = entry.sets[b];
      if (sa && sb) counts[p]!.add(sa, sb, byLabel[a]!, byLabel[b]!);
    });
    const n = codeDocument(entry, unit, pairIndex, coding, isComplete, options.tokenCache);
    allUnits += n;
    if (isComplete) {
      complete++;
      completeUnits += n;
      continuum.add(entry.doc.length, entry.sets as AgreementSpan[][]);
    }
    disagreements.push(disagreementsOf(entry, annotators, listUnits));
  });
  options.onProgress?.({ done: total, total });
  disagreements.sort((x, y) => y.score - x.score || (x.docId < y.docId ? -1 : x.docId > y.docId ? 1 : 0));

  const pairReports: PairAgreement[] = pairs.map(([a, b], p) => {
    const c = counts[p]!;
    const documents = c.documents;
    const units = coding.pairUnits[p]!;
    return {
      a: annotators[a]!,
      b: annotators[b]!,
      documents,
      ...c.scores(),
      labels: c.labelScores(),
      cohenKappa: { value: cohenKappa(coding.pairTables[p]!), documents, units },
      alpha: { value: pairAlpha(coding.pairTables[p]!), documents, units },
      confusion: c.confusionMatrix(),
    };
  });
  const oneVsRest: Record<string, ConfusionMatrix> = {};
  annotators.forEach((name, i) => {
    const own = pairReports.flatMap((pr, p) => (pairs[p]![0] === i ? [pr.confusion] : pairs[p]![1] === i ? [transposed(pr.confusion)] : []));
    oneVsRest[name] = sumMatrices(labels, own);
  });
  const excluded: Exclusion[] = [...corpus.excluded];
  const single = documents.length - compared;
  if (single > 0) excluded.push({ reason: 'document only one annotator annotated (nothing to compare)', count: single });
  if (compared > complete) excluded.push({ reason: "document not every annotator annotated (left out of Fleiss' kappa and unitizing alpha)", count: compared - complete });
  continuum.dropped.forEach((n, i) => {
    if (n > 0) excluded.push({ reason: 'span overlapping an earlier span of the same label (left out of unitizing alpha)', count: n, annotator: annotators[i]! });
  });
  return {
    unit,
    annotators,
    labels,
    documents: { total: documents.length, compared, complete },
    pairs: pairReports,
    fleissKappa: { value: R >= 2 ? coding.complete.fleissKappa() : null, documents: complete, units: completeUnits },
    alpha: { value: coding.all.alpha(), documents: compared, units: allUnits },
    unitizingAlpha: continuum.figure(),
    confusion: sumMatrices(labels, pairReports.map((p) => p.confusion)),
    oneVsRest,
    disagreements,
    excluded,
  };
}
