/**
 * The agreement coefficients reproduce published worked examples to the precision they were printed.
 * Each test names its source; the data are the sources' own tables.
 */
import { describe, expect, it } from 'vitest';
import { CodedUnits, PairTable, cohenKappa } from '../../../core/agreement/coding';
import { segmentDistance, unitizingAlpha } from '../../../core/agreement/unitizing';

/** Rounds to the printed number of decimals. */
const printed = (value: number | null, decimals: number) => (value === null ? null : Number(value.toFixed(decimals)));

describe("Cohen's kappa", () => {
  it('reproduces Cohen (1960), Table 1: 200 cases, 3 categories, κ = .492', () => {
    // J. Cohen, "A coefficient of agreement for nominal scales", Educational and Psychological
    // Measurement 20(1):37–46, 1960, p. 45 (Table 1, counts = proportions × 200; p_o = .70, p_c = .41).
    // Also reproduced by DKPro Statistics' Cohen1960Test.createExample2.
    const table = PairTable.fromRows([
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ]);
    expect(printed(cohenKappa(table), 3)).toBe(0.492);
  });
});

describe("Fleiss' kappa", () => {
  it('reproduces the Wikipedia worked example: 10 subjects, 14 raters, 5 categories, κ = 0.210', () => {
    // https://en.wikipedia.org/wiki/Fleiss%27_kappa#Worked_example (n_ij: raters who put subject i
    // in category j; P̄ = 0.378, P̄e = 0.213, κ = 0.210).
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const units = new CodedUnits();
    for (const row of counts) units.add(row.flatMap((n, category) => Array<number>(n).fill(category)));
    expect(printed(units.fleissKappa(), 3)).toBe(0.21);
  });

  it('reproduces Fleiss (1971): 30 patients, 6 psychiatrists, 5 diagnoses, κ = .430', () => {
    // J. L. Fleiss, "Measuring nominal scale agreement among many raters", Psychological Bulletin
    // 76(5):378–382, 1971, Table 1 (p. 379): the diagnosis each of six psychiatrists gave each
    // patient (1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other);
    // κ = .430. Also reproduced by DKPro Statistics' Fleiss1971Test.
    const patients = [
      [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
    ];
    const units = new CodedUnits();
    for (const ratings of patients) units.add(ratings);
    expect(printed(units.fleissKappa(), 3)).toBe(0.43);
  });
});

describe("Krippendorff's alpha", () => {
  it('reproduces Krippendorff (2011): 4 observers, 12 units, missing values, nominal α = 0.743', () => {
    // K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", University of Pennsylvania,
    // Annenberg School for Communication Departmental Papers, 2011, example C ("Nominal data, any
    // number of observers, missing values"): α_nominal = 0.743. The same data are in Content
    // Analysis (2004), p. 230, and DKPro Statistics' Krippendorff2004Test.createExample3.
    const observers: (number | null)[][] = [
      /* A */ [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      /* B */ [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      /* C */ [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      /* D */ [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = new CodedUnits();
    for (let u = 0; u < 12; u++) units.add(observers.map((o) => o[u]).filter((v): v is number => v !== null));
    expect(printed(units.alpha(), 3)).toBe(0.743);
  });
});

describe('unitizing alpha', () => {
  /**
   * K. Krippendorff, Content Analysis: An Introduction to Its Methodology, 2nd ed., Sage 2004,
   * §12.4 (p. 254): two coders i and j unitize the continuum 150–450 into categories c and k.
   * DKPro Statistics reproduces it in unitizing/Krippendorff2004Test (α_U = 0.8591 overall;
   * category c: D_o = 0.0144, D_e = 0.0532, α = 0.7286; category k: D_o = 0, D_e = 0.0490, α = 1).
   */
  const study = {
    raters: 2,
    begin: 150,
    length: 300,
    units: [
      { rater: 0, start: 225, end: 295, label: 'c' },
      { rater: 0, start: 370, end: 400, label: 'c' },
      { rater: 1, start: 220, end: 300, label: 'c' },
      { rater: 1, start: 355, end: 375, label: 'c' },
      { rater: 1, start: 400, end: 420, label: 'c' },
      { rater: 0, start: 180, end: 240, label: 'k' },
      { rater: 0, start: 300, end: 350, label: 'k' },
      { rater: 1, start: 180, end: 240, label: 'k' },
      { rater: 1, start: 300, end: 350, label: 'k' },
    ],
  };

  it('reproduces the two-coder example of Krippendorff (2004): α_U = 0.8591, c 0.7286, k 1', () => {
    const result = unitizingAlpha(study);
    const c = result.categories['c']!;
    expect(printed(c.observed, 4)).toBe(0.0144);
    expect(printed(c.expected, 4)).toBe(0.0532);
    expect(printed(c.alpha, 4)).toBe(0.7286);
    const k = result.categories['k']!;
    expect(printed(k.observed, 4)).toBe(0);
    expect(printed(k.expected, 4)).toBe(0.049);
    expect(printed(k.alpha, 4)).toBe(1);
    // The printed overall 0.8591 is 1 − (D_o,c + D_o,k) / (D_e,c + D_e,k) applied to the components
    // as printed (four decimals); the unrounded components give 0.8587, which is why DKPro asserts
    // 0.8591 ± 0.0005. Both hold here.
    const r4 = (v: number) => printed(v, 4)!;
    expect(printed(1 - (r4(c.observed) + r4(k.observed)) / (r4(c.expected) + r4(k.expected)), 4)).toBe(0.8591);
    expect(Math.abs(result.overall! - 0.8591)).toBeLessThan(0.0005);
    expect(result.overall).toBeCloseTo(1 - (c.observed + k.observed) / (c.expected + k.expected), 12);
  });

  it("gives the example's distances (Krippendorff 2004, p. 252; DKPro's testDistanceMetric2)", () => {
    expect(segmentDistance(225, 70, 'c', 220, 80, 'c')).toBe(50);
    expect(segmentDistance(370, 30, 'c', 355, 20, 'c')).toBe(850);
    expect(segmentDistance(400, 50, null, 400, 20, 'c')).toBe(400);
  });

  it('does not depend on the order units are given in', () => {
    const reversed = unitizingAlpha({ ...study, units: [...study.units].reverse() });
    expect(reversed.overall).toBeCloseTo(unitizingAlpha(study).overall!, 12);
  });
});
