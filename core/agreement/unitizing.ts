/**
 * Krippendorff's unitizing alpha (alpha_U; Krippendorff 1995, "On the reliability of unitizing
 * contiguous data", and Content Analysis, 2nd ed., 2004, §12.4), computed as DKPro Statistics'
 * `KrippendorffAlphaUnitizingAgreement` (which INCEpTION uses) computes it: per category, each
 * rater's units and the gaps between them tile the continuum; the observed disagreement sums a
 * distance over every pair of overlapping segments of every pair of raters, the expected one
 * considers every possible placement of every unit in every gap.
 */

/** A unit a rater marked: `[start, end)` on the continuum, with its category. */
export interface UnitizingUnit {
  rater: number;
  start: number;
  end: number;
  label: string;
}

/** A unitizing study: raters' units on the continuum `[begin, begin + length)`. */
export interface UnitizingStudy {
  /** Number of raters (0 … raters − 1). */
  raters: number;
  /** First position of the continuum (default 0). */
  begin?: number;
  length: number;
  units: readonly UnitizingUnit[];
}

/** Observed and expected disagreement of one category, and its alpha (null when undefined). */
export interface UnitizingCategory {
  observed: number;
  expected: number;
  alpha: number | null;
}

/** Per category and overall (1 − ΣDo / ΣDe). */
export interface UnitizingResult {
  categories: Record<string, UnitizingCategory>;
  overall: number | null;
}

/**
 * Distance of two segments that overlap (Krippendorff 2004, δ²): both units — squared
 * differences of their starts and of their ends; a unit inside the other rater's gap — its
 * length squared; otherwise 0. A null label is a gap.
 */
export function segmentDistance(start1: number, length1: number, label1: string | null, start2: number, length2: number, label2: string | null): number {
  const beginDiff = start1 - start2;
  const lengthDiff = length1 - length2;
  if (label1 !== null && label2 !== null && -length1 < beginDiff && beginDiff < length2) {
    return beginDiff * beginDiff + (beginDiff + lengthDiff) * (beginDiff + lengthDiff);
  }
  if (label1 !== null && label2 === null && -lengthDiff >= beginDiff && beginDiff >= 0) return length1 * length1;
  if (label1 === null && label2 !== null && -lengthDiff <= beginDiff && beginDiff <= 0) return length2 * length2;
  return 0;
}

/** One rater's units of one category: starts and ends, sorted, not overlapping. */
export interface Tiling {
  starts: number[];
  ends: number[];
}

/** Walks the tiling of `[begin, end)` made by a rater's units and the gaps between them. */
class Walker {
  private next = 0;
  segStart: number;
  segLength = 0;
  isUnit = false;

  constructor(private readonly t: Tiling, begin: number, private readonly end: number) {
    this.segStart = begin;
  }

  /** Moves to the segment starting at `pos` (which must be the current segment's end). */
  advance(pos: number): void {
    if (this.next < this.t.starts.length && this.t.starts[this.next] === pos) {
      this.segLength = this.t.ends[this.next]! - pos;
      this.isUnit = true;
      this.next++;
    } else {
      this.segLength = (this.next < this.t.starts.length ? this.t.starts[this.next]! : this.end) - pos;
      this.isUnit = false;
    }
    this.segStart = pos;
  }

  get hasMoreUnits(): boolean {
    return this.next < this.t.starts.length;
  }
}

function observedSum(t1: Tiling, t2: Tiling, begin: number, end: number): number {
  const w1 = new Walker(t1, begin, end);
  const w2 = new Walker(t2, begin, end);
  let sum = 0;
  let pos = begin;
  // Once both raters' units are all reached, the remaining pairs (a unit against a gap that starts
  // after it, or two gaps) are at distance 0, so the walk stops there, as DKPro's does.
  while (pos < end && (w1.hasMoreUnits || w2.hasMoreUnits)) {
    if (pos === w1.segStart + w1.segLength) w1.advance(pos);
    if (pos === w2.segStart + w2.segLength) w2.advance(pos);
    sum += segmentDistance(w1.segStart, w1.segLength, w1.isUnit ? '' : null, w2.segStart, w2.segLength, w2.isUnit ? '' : null);
    pos = Math.min(w1.segStart + w1.segLength, w2.segStart + w2.segLength);
  }
  return sum;
}

/** Appends the lengths of the gaps of a tiling of `[begin, end)` to `out` from `at`; returns the new end. */
function gapsOf(t: Tiling, begin: number, end: number, out: Float64Array, at: number): number {
  let pos = begin;
  for (let i = 0; i < t.starts.length; i++) {
    if (t.starts[i]! > pos) out[at++] = t.starts[i]! - pos;
    pos = t.ends[i]!;
  }
  if (end > pos) out[at++] = end - pos;
  return at;
}

/**
 * Expected disagreement of a category: (2/L)·Σ_u [(N−1)(2l³ − 3l² + l)/3 + l²·Σ_{gaps g ≥ l}(g − l + 1)]
 * / (R·L·(R·L − 1) − Σ_u l(l − 1)), u every unit of the category (all raters), l its length,
 * N their number, R raters, L the continuum length. Units are grouped by length and the sum over
 * gaps uses sorted gaps and suffix sums, so it costs O(gaps log gaps + units).
 */
function expected(tilings: readonly Tiling[], begin: number, length: number, raters: number): number {
  let units = 0;
  for (const t of tilings) units += t.starts.length;
  if (units === 0) return 0;
  const lengths = new Map<number, number>();
  for (const t of tilings) {
    for (let i = 0; i < t.starts.length; i++) {
      const l = t.ends[i]! - t.starts[i]!;
      lengths.set(l, (lengths.get(l) ?? 0) + 1);
    }
  }
  let gapCount = 0;
  const all = new Float64Array(units + tilings.length);
  for (const t of tilings) gapCount = gapsOf(t, begin, begin + length, all, gapCount);
  const gaps = all.subarray(0, gapCount).sort();
  // suffix[i] = Σ gaps[i..]
  const suffix = new Float64Array(gapCount + 1);
  for (let i = gapCount - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + gaps[i]!;
  let sum = 0;
  let squared = 0;
  for (const [l, count] of lengths) {
    squared += count * l * (l - 1);
    sum += (count * ((units - 1) * (2 * l * l * l - 3 * l * l + l))) / 3;
    let lo = 0;
    let hi = gapCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    sum += count * l * l * (suffix[lo]! - (l - 1) * (gapCount - lo));
  }
  const rl = raters * length;
  return ((2 / length) * sum) / (rl * (rl - 1) - squared);
}

/**
 * Unitizing alpha from each category's tilings (one per rater, units sorted and not overlapping)
 * on the continuum `[begin, begin + length)`. A category's alpha is null when its expected
 * disagreement is 0; the overall alpha (1 − ΣDo / ΣDe) is null when ΣDe is 0.
 */
export function unitizingAlphaOfTilings(byLabel: ReadonlyMap<string, readonly Tiling[]>, begin: number, length: number, raters: number): UnitizingResult {
  const categories: Record<string, UnitizingCategory> = {};
  let sumObserved = 0;
  let sumExpected = 0;
  for (const [label, tilings] of [...byLabel].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let observed = 0;
    if (raters >= 2 && length > 0) {
      for (let r1 = 0; r1 < raters; r1++) {
        for (let r2 = r1 + 1; r2 < raters; r2++) observed += observedSum(tilings[r1]!, tilings[r2]!, begin, begin + length);
      }
      observed = (observed * 2) / (raters * (raters - 1) * length * length);
    }
    const exp = raters >= 2 && length > 0 ? expected(tilings, begin, length, raters) : 0;
    categories[label] = { observed, expected: exp, alpha: exp > 0 ? 1 - observed / exp : null };
    sumObserved += observed;
    sumExpected += exp;
  }
  return { categories, overall: sumExpected > 0 ? 1 - sumObserved / sumExpected : null };
}

/**
 * Unitizing alpha of a study, per category and overall. Units of one rater and category must
 * not overlap (the caller drops such overlaps, as INCEpTION does).
 */
export function unitizingAlpha(study: UnitizingStudy): UnitizingResult {
  const byLabel = new Map<string, Tiling[]>();
  const sorted = [...study.units].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const u of sorted) {
    let tilings = byLabel.get(u.label);
    if (!tilings) byLabel.set(u.label, (tilings = Array.from({ length: study.raters }, () => ({ starts: [], ends: [] }))));
    tilings[u.rater]!.starts.push(u.start);
    tilings[u.rater]!.ends.push(u.end);
  }
  return unitizingAlphaOfTilings(byLabel, study.begin ?? 0, study.length, study.raters);
}
