/**
 * Span counts of one pair of annotators summed over documents (micro): exact and overlap matches
 * per label, and the confusion of their labels at identical boundaries.
 */
import { pairByBoundaries, overlapMatching } from './span-matching.js';
import type { AgreementSpan, ConfusionMatrix, SpanCounts, SpanScores } from './types.js';

/** The name of the "no span" row and column of a confusion matrix. */
export const NONE = 'none';

/** Precision, recall and F1 of counts, `a` the reference. */
export function spanCounts(tp: number, aCount: number, bCount: number): SpanCounts {
  return {
    tp,
    aCount,
    bCount,
    precision: bCount > 0 ? tp / bCount : null,
    recall: aCount > 0 ? tp / aCount : null,
    f1: aCount + bCount > 0 ? (2 * tp) / (aCount + bCount) : null,
  };
}

/** Spans of one annotator on one document, split by label index (canonical order kept). */
export function splitByLabel(spans: readonly AgreementSpan[], labelIndex: ReadonlyMap<string, number>, labels: number): AgreementSpan[][] {
  const out: AgreementSpan[][] = Array.from({ length: labels }, () => []);
  for (const s of spans) out[labelIndex.get(s.label)!]!.push(s);
  return out;
}

/** Sums of one pair's counts over documents. */
export class PairCounts {
  readonly exactTp: Float64Array;
  readonly overlapTp: Float64Array;
  readonly aCount: Float64Array;
  readonly bCount: Float64Array;
  /** (labels + 1)² cells, row = a's label, column = b's; index `labels` is none. */
  readonly confusion: Float64Array;
  documents = 0;

  constructor(private readonly labelIndex: ReadonlyMap<string, number>, private readonly labels: readonly string[]) {
    const n = labels.length;
    this.exactTp = new Float64Array(n);
    this.overlapTp = new Float64Array(n);
    this.aCount = new Float64Array(n);
    this.bCount = new Float64Array(n);
    this.confusion = new Float64Array((n + 1) * (n + 1));
  }

  /** Adds one document: both annotators' spans (canonical order) and the same split by label. */
  add(a: readonly AgreementSpan[], b: readonly AgreementSpan[], aByLabel: readonly AgreementSpan[][], bByLabel: readonly AgreementSpan[][]): void {
    const n = this.labels.length;
    const none = n;
    this.documents++;
    pairByBoundaries(a, b, (x, y) => {
      const row = x ? this.labelIndex.get(x.label)! : none;
      const col = y ? this.labelIndex.get(y.label)! : none;
      this.confusion[row * (n + 1) + col]!++;
      if (x && y && row === col) this.exactTp[row]!++;
    });
    for (let l = 0; l < n; l++) {
      const sa = aByLabel[l]!;
      const sb = bByLabel[l]!;
      this.aCount[l]! += sa.length;
      this.bCount[l]! += sb.length;
      if (sa.length === 0 || sb.length === 0) continue;
      if (sa.length === 1 && sb.length === 1) {
        if (sa[0]!.start < sb[0]!.end && sb[0]!.start < sa[0]!.end) this.overlapTp[l]!++;
        continue;
      }
      let matched = 0;
      for (const partner of overlapMatching(sa, sb)) if (partner >= 0) matched++;
      this.overlapTp[l]! += matched;
    }
  }

  /** Exact and overlap scores of label `l`, or of all labels when `l` is undefined. */
  scores(l?: number): SpanScores {
    const sum = (arr: Float64Array) => (l === undefined ? arr.reduce((s, v) => s + v, 0) : arr[l]!);
    const aCount = sum(this.aCount);
    const bCount = sum(this.bCount);
    return { exact: spanCounts(sum(this.exactTp), aCount, bCount), overlap: spanCounts(sum(this.overlapTp), aCount, bCount) };
  }

  /** Per-label scores, every label of the report. */
  labelScores(): Record<string, SpanScores> {
    const out: Record<string, SpanScores> = {};
    this.labels.forEach((label, l) => (out[label] = this.scores(l)));
    return out;
  }

  /** The confusion matrix (a's labels as rows). */
  confusionMatrix(): ConfusionMatrix {
    return matrixOf(this.labels, this.confusion);
  }
}

/** A confusion matrix from flat cells of `(labels + 1)²` (row-major, `none` last). */
export function matrixOf(labels: readonly string[], cells: Float64Array): ConfusionMatrix {
  const n = labels.length + 1;
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(cells[i * n + j]!);
    rows.push(row);
  }
  return { labels: [...labels, NONE], cells: rows };
}

/** Cell-wise sum of matrices with the same labels. */
export function sumMatrices(labels: readonly string[], matrices: readonly ConfusionMatrix[]): ConfusionMatrix {
  const n = labels.length + 1;
  const cells = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const m of matrices) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cells[i]![j]! += m.cells[i]![j]!;
  return { labels: [...labels, NONE], cells };
}

/** The matrix with rows and columns swapped (b's labels as rows). */
export function transposed(m: ConfusionMatrix): ConfusionMatrix {
  return { labels: [...m.labels], cells: m.cells.map((_, i) => m.cells.map((row) => row[i]!)) };
}
