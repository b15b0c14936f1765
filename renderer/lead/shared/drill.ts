/**
 * The spans behind a figure, as rows a person can read and open: from the engine's pairings of a
 * pair of annotators (boundary pairings for confusion cells and exact F1, overlap pairings for a
 * label's overlap F1), each with its document and both sides' annotator.
 */
import type { SpanPairing } from '../../../core/agreement/pair-details';
import type { AgreementSpan } from '../../../core/agreement/types';
import { NONE } from '../../../core/agreement/pair-counts';

/** One row: a span of `a` and the span of `b` the measures paired it with (either may be missing). */
export interface DrillRow {
  docId: string;
  name?: string;
  a: { annotator: string; span: AgreementSpan | null };
  b: { annotator: string; span: AgreementSpan | null };
  /** True when both spans are the same (start, end, label): an agreement, not a disagreement. */
  same: boolean;
}

/** What a drill-down shows: a title, what it counts, and the rows. */
export interface Drill {
  title: string;
  caption: string;
  rows: DrillRow[];
}

function sameSpan(x: AgreementSpan | null, y: AgreementSpan | null): boolean {
  return !!x && !!y && x.start === y.start && x.end === y.end && x.label === y.label;
}

/** Rows of `pairings` between annotators `a` and `b`. */
export function drillRows(pairings: readonly SpanPairing[], a: string, b: string): DrillRow[] {
  return pairings.map((p) => ({
    docId: p.docId,
    ...(p.name !== undefined ? { name: p.name } : {}),
    a: { annotator: a, span: p.a },
    b: { annotator: b, span: p.b },
    same: sameSpan(p.a, p.b),
  }));
}

/** The boundary pairings of a confusion cell: row label of a's side, column label of b's (`none`: nothing there). */
export function confusionCell(pairings: readonly SpanPairing[], row: string, column: string): SpanPairing[] {
  return pairings.filter((p) => (p.a ? p.a.label : NONE) === row && (p.b ? p.b.label : NONE) === column);
}

/** Overlap pairings of one label, disagreements (a span left unmatched) first, then matches; document order kept. */
export function labelPairings(pairings: readonly SpanPairing[], label: string): SpanPairing[] {
  const of = pairings.filter((p) => (p.a ?? p.b)!.label === label);
  return [...of.filter((p) => !p.a || !p.b), ...of.filter((p) => p.a && p.b)];
}

/** Boundary pairings that are not exact matches: what lowered the pair's exact F1. */
export function pairDisagreements(pairings: readonly SpanPairing[]): SpanPairing[] {
  return pairings.filter((p) => !sameSpan(p.a, p.b));
}

/** The range a row covers (both spans), for opening the document there. */
export function rowRange(row: DrillRow): { start: number; end: number } {
  const spans = [row.a.span, row.b.span].filter((s): s is AgreementSpan => s !== null);
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}
