/**
 * The spans behind a pair's figures, for drill-down: every boundary pairing (the confusion
 * matrix's cells, exact matches on its diagonal) and every overlap pairing (overlap matches and
 * the spans left unmatched), each with its document.
 */
import { prepareCorpus, type PrepareOptions } from './prepare.js';
import { overlapMatching, pairByBoundaries } from './span-matching.js';
import { NONE } from './pair-counts.js';
import type { AgreementInput, AgreementSpan } from './types.js';

/** Two spans the measures paired (either may be null: a span the other side has nothing for). */
export interface SpanPairing {
  docId: string;
  name?: string;
  a: AgreementSpan | null;
  b: AgreementSpan | null;
}

/** The pairings of one pair of annotators over the documents both annotated. */
export interface PairDetails {
  a: string;
  b: string;
  /** Identical boundaries: a cell (a.label, b.label), or (label, none) / (none, label). Exact matches have equal labels. */
  boundaries: SpanPairing[];
  /** Same label and intersecting, one to one; unmatched spans paired with null. */
  overlap: SpanPairing[];
}

/** Options of `pairDetails`: the pair and what counts (as for `computeAgreement`). */
export interface PairDetailsOptions extends Omit<PrepareOptions, 'annotators'> {
  a: string;
  b: string;
}

/** Lists the pairings behind the figures of annotators `a` and `b`. */
export function pairDetails(input: AgreementInput, options: PairDetailsOptions): PairDetails {
  const corpus = prepareCorpus(input, { ...options, annotators: [options.a, options.b] });
  const boundaries: SpanPairing[] = [];
  const overlap: SpanPairing[] = [];
  for (const { doc, sets } of corpus.documents) {
    const sa = sets[0];
    const sb = sets[1];
    if (!sa || !sb) continue;
    const where = { docId: doc.id, ...(doc.name !== undefined ? { name: doc.name } : {}) };
    pairByBoundaries(sa, sb, (x, y) => boundaries.push({ ...where, a: x, b: y }));
    for (const label of corpus.labels) {
      const la = sa.filter((s) => s.label === label);
      const lb = sb.filter((s) => s.label === label);
      const usedB = new Set<number>();
      const match = lb.length ? overlapMatching(la, lb) : la.map(() => -1);
      Array.from(match).forEach((j, i) => {
        if (j >= 0) usedB.add(j);
        overlap.push({ ...where, a: la[i]!, b: j >= 0 ? lb[j]! : null });
      });
      lb.forEach((s, j) => usedB.has(j) || overlap.push({ ...where, a: null, b: s }));
    }
  }
  return { a: options.a, b: options.b, boundaries, overlap };
}

/** The label of a pairing's side for confusion cells: the span's label, or `none`. */
export function cellLabel(span: AgreementSpan | null): string {
  return span ? span.label : NONE;
}
