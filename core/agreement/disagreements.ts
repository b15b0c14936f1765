/**
 * Disagreement units of one document: the spans of its annotators grouped by overlap (spans that
 * share a character, directly or through other spans, form one unit), each unit classified as
 * agreed (every annotator made exactly the same spans there) or as the kind of disagreement.
 */
import { compareText } from './span-matching.js';
import type { AgreementSpan, DisagreementKind, DisagreementUnit, UnitSpan } from './types.js';

/** One annotator's spans on the document (only annotators who annotated it), in canonical order. */
export interface AnnotatorSpans {
  annotator: string;
  spans: readonly AgreementSpan[];
}

/** Per annotator i, its spans of a unit are `sets[i].spans.slice(from[i], to[i])`. */
export type UnitVisitor = (start: number, end: number, from: readonly number[], to: readonly number[], kind: DisagreementKind) => void;

function sameSlices(sets: readonly AnnotatorSpans[], from: readonly number[], to: readonly number[], equal: (x: AgreementSpan, y: AgreementSpan) => boolean): boolean {
  const n = to[0]! - from[0]!;
  for (let i = 1; i < sets.length; i++) {
    if (to[i]! - from[i]! !== n) return false;
    for (let k = 0; k < n; k++) if (!equal(sets[0]!.spans[from[0]! + k]!, sets[i]!.spans[from[i]! + k]!)) return false;
  }
  return true;
}

function sameLabels(sets: readonly AnnotatorSpans[], from: readonly number[], to: readonly number[]): boolean {
  const labels = (i: number) => sets[i]!.spans.slice(from[i]!, to[i]!).map((s) => s.label).sort(compareText).join('\u0000');
  const first = labels(0);
  for (let i = 1; i < sets.length; i++) if (labels(i) !== first) return false;
  return true;
}

/** The kind of a unit (slices in canonical order, so equal multisets are equal sequences). */
function kindOf(sets: readonly AnnotatorSpans[], from: readonly number[], to: readonly number[]): DisagreementKind {
  for (let i = 0; i < sets.length; i++) if (from[i] === to[i]) return 'missing';
  if (sameSlices(sets, from, to, (x, y) => x.start === y.start && x.end === y.end && x.label === y.label)) return 'agreed';
  if (sameSlices(sets, from, to, (x, y) => x.start === y.start && x.end === y.end)) return 'label';
  if (sameLabels(sets, from, to)) return 'boundaries';
  return 'mixed';
}

/**
 * Calls `visit` for every unit of a document, in text order, without building span lists: the
 * spans of annotator i in the unit are a contiguous slice of its (canonically ordered) spans.
 */
export function visitUnits(sets: readonly AnnotatorSpans[], visit: UnitVisitor): void {
  const n = sets.length;
  // Plain arrays: a typed array per document costs more (allocation, garbage) than it saves.
  const at = new Array<number>(n).fill(0);
  const from = new Array<number>(n).fill(0);
  if (n === 0) return;
  for (;;) {
    let start = Infinity;
    for (let i = 0; i < n; i++) if (at[i]! < sets[i]!.spans.length) start = Math.min(start, sets[i]!.spans[at[i]!]!.start);
    if (start === Infinity) return;
    for (let i = 0; i < n; i++) from[i] = at[i]!;
    let end = start;
    let grew = true;
    // Take every span starting before the unit's end, until the end stops growing.
    while (grew) {
      grew = false;
      for (let i = 0; i < n; i++) {
        const spans = sets[i]!.spans;
        while (at[i]! < spans.length && (spans[at[i]!]!.start < end || spans[at[i]!]!.start === start)) {
          const s = spans[at[i]!]!;
          if (s.end > end) end = s.end;
          at[i]!++;
          grew = true;
        }
      }
    }
    visit(start, end, from, at, kindOf(sets, from, at));
  }
}

/** The spans of a unit, ordered by start, end, label, then annotator order (a merge of the annotators' sorted slices). */
export function unitSpans(sets: readonly AnnotatorSpans[], from: readonly number[], to: readonly number[]): UnitSpan[] {
  const at = from.slice();
  const out: UnitSpan[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < sets.length; i++) {
      if (at[i]! >= to[i]!) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const x = sets[i]!.spans[at[i]!]!;
      const y = sets[best]!.spans[at[best]!]!;
      // Strictly before: with the same start, end and label the earlier annotator stays first.
      if ((x.start - y.start || x.end - y.end || compareText(x.label, y.label)) < 0) best = i;
    }
    if (best < 0) return out;
    out.push({ annotator: sets[best]!.annotator, span: sets[best]!.spans[at[best]!]! });
    at[best]!++;
  }
}

/**
 * Groups the spans of a document's annotators into units, in text order. A unit is `agreed` when
 * every annotator given has the same spans (start, end, label) in it; with one annotator every
 * unit is agreed.
 */
export function disagreementUnits(sets: readonly AnnotatorSpans[]): DisagreementUnit[] {
  const units: DisagreementUnit[] = [];
  visitUnits(sets, (start, end, from, to, kind) => units.push({ key: `${start}-${end}`, start, end, spans: unitSpans(sets, from, to), kind }));
  return units;
}
