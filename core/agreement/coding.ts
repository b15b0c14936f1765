/**
 * Chance-corrected agreement over coded units (nominal categories as small integers): Cohen's
 * kappa and two-rater alpha from a pair's contingency table, Fleiss' kappa and Krippendorff's
 * alpha (missing values allowed) from units added one at a time. Units may carry a weight (a run
 * of identical characters counts as that many units).
 */

/** A growable square contingency table of two raters: `cell(a, b)` = weight of units rated a by the first, b by the second. */
export class PairTable {
  private cap = 8;
  private cells = new Float64Array(64);
  /** Number of categories seen (1 + the largest id added). */
  size = 0;
  /** Total weight added. */
  total = 0;

  private grow(need: number): void {
    let cap = this.cap;
    while (cap <= need) cap *= 2;
    const cells = new Float64Array(cap * cap);
    for (let i = 0; i < this.cap; i++) cells.set(this.cells.subarray(i * this.cap, (i + 1) * this.cap), i * cap);
    this.cap = cap;
    this.cells = cells;
  }

  /** Adds a unit rated `a` by the first rater and `b` by the second. */
  add(a: number, b: number, weight = 1): void {
    if (a >= this.cap || b >= this.cap) this.grow(Math.max(a, b));
    this.cells[a * this.cap + b]! += weight;
    this.total += weight;
    if (a >= this.size) this.size = a + 1;
    if (b >= this.size) this.size = b + 1;
  }

  /** Weight of units rated `a` by the first rater and `b` by the second. */
  cell(a: number, b: number): number {
    return a < this.cap && b < this.cap ? this.cells[a * this.cap + b]! : 0;
  }

  /** A table from rows of counts (`rows[a][b]`), as published tables print them. */
  static fromRows(rows: readonly (readonly number[])[]): PairTable {
    const table = new PairTable();
    rows.forEach((row, a) => row.forEach((n, b) => n > 0 && table.add(a, b, n)));
    return table;
  }
}

/**
 * Cohen's kappa (Cohen 1960): (po − pe) / (1 − pe), po the share of units both raters put in the
 * same category, pe = Σ_k p_first(k)·p_second(k). Null when there are no units or pe = 1.
 */
export function cohenKappa(table: PairTable): number | null {
  const n = table.total;
  if (n <= 0) return null;
  let agree = 0;
  let chance = 0;
  for (let k = 0; k < table.size; k++) {
    agree += table.cell(k, k);
    let row = 0;
    let col = 0;
    for (let j = 0; j < table.size; j++) {
      row += table.cell(k, j);
      col += table.cell(j, k);
    }
    chance += (row / n) * (col / n);
  }
  const po = agree / n;
  if (chance >= 1 - 1e-12) return null;
  return (po - chance) / (1 - chance);
}

/**
 * Krippendorff's nominal alpha from the coincidences: alpha = 1 − (n − 1)·(n − Σ_c o_cc) / (n² − Σ_c n_c²),
 * n the pairable values, o_cc the agreeing coincidences, n_c the values of category c. Null when
 * there are no pairable values or a single category (expected disagreement 0).
 */
function alphaFrom(n: number, agreeing: number, sumSquares: number): number | null {
  if (n <= 1) return null;
  const expected = n * n - sumSquares;
  if (expected <= 1e-9 * n * n) return null;
  return 1 - ((n - 1) * (n - agreeing)) / expected;
}

/** Krippendorff's nominal alpha of two raters without missing values, from their contingency table. */
export function pairAlpha(table: PairTable): number | null {
  let agreeing = 0;
  let sumSquares = 0;
  for (let k = 0; k < table.size; k++) {
    agreeing += 2 * table.cell(k, k);
    let nk = 0;
    for (let j = 0; j < table.size; j++) nk += table.cell(k, j) + table.cell(j, k);
    sumSquares += nk * nk;
  }
  return alphaFrom(2 * table.total, agreeing, sumSquares);
}

/**
 * Units rated by several raters, added one at a time, for Fleiss' kappa (Fleiss 1971: every unit
 * rated the same number of times) and Krippendorff's alpha (any number of values per unit; a unit
 * with fewer than two values is not pairable and does not count).
 */
export class CodedUnits {
  private totals = new Float64Array(16);
  /** Total weight of the units added with two values or more. */
  units = 0;
  /** Σ weight · (agreeing ordered pairs) / (m − 1): Krippendorff's Σ_c o_cc. */
  private agreeing = 0;
  /** Σ weight · (agreeing ordered pairs) / (m·(m − 1)): Fleiss' Σ_i P_i. */
  private fleissSum = 0;
  /** Raters per unit when constant, -1 when units differ, 0 before the first. */
  private raters = 0;

  /** Adds a unit whose values are `values[0..count)` (category ids of the raters who rated it). */
  add(values: ArrayLike<number>, count: number = values.length, weight = 1): void {
    if (count < 2) return;
    let equalPairs = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      for (let j = i + 1; j < count; j++) if (values[j] === v) equalPairs++;
      if (v >= this.totals.length) {
        const totals = new Float64Array(Math.max(v + 1, this.totals.length * 2));
        totals.set(this.totals);
        this.totals = totals;
      }
      this.totals[v]! += weight;
    }
    this.units += weight;
    this.agreeing += (weight * 2 * equalPairs) / (count - 1);
    this.fleissSum += (weight * 2 * equalPairs) / (count * (count - 1));
    this.raters = this.raters === 0 || this.raters === count ? count : -1;
  }

  /** Krippendorff's nominal alpha; null when undefined (no pairable values, or one category). */
  alpha(): number | null {
    let n = 0;
    let sumSquares = 0;
    for (const t of this.totals) {
      n += t;
      sumSquares += t * t;
    }
    return alphaFrom(n, this.agreeing, sumSquares);
  }

  /**
   * Fleiss' kappa: (P̄ − P̄e) / (1 − P̄e), P̄ the mean share of agreeing rater pairs per unit,
   * P̄e = Σ_j p_j². Null when there are no units, raters per unit differ, or P̄e = 1.
   */
  fleissKappa(): number | null {
    if (this.units <= 0 || this.raters < 2) return null;
    const values = this.units * this.raters;
    let chance = 0;
    for (const t of this.totals) chance += (t / values) ** 2;
    if (chance >= 1 - 1e-12) return null;
    const observed = this.fleissSum / this.units;
    return (observed - chance) / (1 - chance);
  }
}
