/**
 * Matching two annotators' spans of one document: by identical boundaries (exact matches and the
 * confusion matrix) and by overlap (a maximum one-to-one matching per label).
 */
import { maximumMatching } from './matching.js';
import type { AgreementSpan } from './types.js';

/** Code-unit order of two strings (the same in every locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders spans by start, end, label, then id: the canonical order every matching starts from. */
export function compareSpans(a: AgreementSpan, b: AgreementSpan): number {
  return a.start - b.start || a.end - b.end || compareText(a.label, b.label) || compareText(a.id, b.id);
}

/** Spans sorted canonically (a new array). */
export function sortedSpans<T extends AgreementSpan>(spans: readonly T[]): T[] {
  return [...spans].sort(compareSpans);
}

/**
 * Pairs spans of `a` and `b` (both sorted canonically) that have identical boundaries: first the
 * ones with the same label, then the others in label order; a span left without a partner is
 * paired with null. Calls `visit` once per pair, in text order.
 */
export function pairByBoundaries<T extends AgreementSpan>(a: readonly T[], b: readonly T[], visit: (x: T | null, y: T | null) => void): void {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const cmp = x === undefined ? 1 : y === undefined ? -1 : x.start - y.start || x.end - y.end;
    if (cmp < 0) {
      visit(x!, null);
      i++;
      continue;
    }
    if (cmp > 0) {
      visit(null, y!);
      j++;
      continue;
    }
    // A group of spans with the same boundaries on both sides (most often one on each side).
    const start = x!.start;
    const end = x!.end;
    const nextA = a[i + 1];
    const nextB = b[j + 1];
    if ((nextA === undefined || nextA.start !== start || nextA.end !== end) && (nextB === undefined || nextB.start !== start || nextB.end !== end)) {
      visit(x!, y!);
      i++;
      j++;
      continue;
    }
    let i2 = i;
    while (i2 < a.length && a[i2]!.start === start && a[i2]!.end === end) i2++;
    let j2 = j;
    while (j2 < b.length && b[j2]!.start === start && b[j2]!.end === end) j2++;
    const restA: T[] = [];
    const restB: T[] = [];
    let p = i;
    let q = j;
    while (p < i2 && q < j2) {
      const c = compareText(a[p]!.label, b[q]!.label);
      if (c === 0) visit(a[p++]!, b[q++]!);
      else if (c < 0) restA.push(a[p++]!);
      else restB.push(b[q++]!);
    }
    while (p < i2) restA.push(a[p++]!);
    while (q < j2) restB.push(b[q++]!);
    const n = Math.max(restA.length, restB.length);
    for (let k = 0; k < n; k++) visit(restA[k] ?? null, restB[k] ?? null);
    i = i2;
    j = j2;
  }
}

function intersection(x: AgreementSpan, y: AgreementSpan): number {
  return Math.min(x.end, y.end) - Math.max(x.start, y.start);
}

/**
 * For each span of `a`, the spans of `b` it intersects (indexes into `b`, both sorted by start),
 * most preferred first: identical range, then the larger intersection, then the closer
 * boundaries, then text order.
 */
export function overlapCandidates(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): number[][] {
  const maxEnd = new Array<number>(b.length);
  let running = -Infinity;
  for (let j = 0; j < b.length; j++) maxEnd[j] = running = Math.max(running, b[j]!.end);
  const adj: number[][] = [];
  for (const x of a) {
    // First b that could still reach x (prefix max of ends > x.start), up to the first starting at or after x.end.
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (maxEnd[mid]! <= x.start) lo = mid + 1;
      else hi = mid;
    }
    const list: number[] = [];
    for (let j = lo; j < b.length && b[j]!.start < x.end; j++) if (b[j]!.end > x.start) list.push(j);
    if (list.length > 1) {
      list.sort((p, q) => {
        const y = b[p]!;
        const z = b[q]!;
        const exactY = y.start === x.start && y.end === x.end ? 0 : 1;
        const exactZ = z.start === x.start && z.end === x.end ? 0 : 1;
        return exactY - exactZ || intersection(x, z) - intersection(x, y) ||
          Math.abs(y.start - x.start) + Math.abs(y.end - x.end) - (Math.abs(z.start - x.start) + Math.abs(z.end - x.end)) || p - q;
      });
    }
    adj.push(list);
  }
  return adj;
}

/**
 * A maximum one-to-one matching of intersecting spans (the caller passes spans of one label, or
 * any spans for label-blind matching), both sorted by start. Returns, for each span of `a`, the
 * index of its partner in `b` or -1.
 */
export function overlapMatching(a: readonly AgreementSpan[], b: readonly AgreementSpan[]): ArrayLike<number> & Iterable<number> {
  const adj = overlapCandidates(a, b);
  // Fast path: when no span intersects two others, the edges are the matching.
  let simple = true;
  const seen: boolean[] = [];
  for (const list of adj) {
    if (list.length > 1) {
      simple = false;
      break;
    }
    if (list.length === 1) {
      if (seen[list[0]!]) {
        simple = false;
        break;
      }
      seen[list[0]!] = true;
    }
  }
  if (!simple) return maximumMatching(adj, b.length);
  return adj.map((list) => (list.length ? list[0]! : -1));
}
