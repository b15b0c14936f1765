// The rows of `npm run bench`: every target of issue #11 with its median, p95 and pass/miss, printed
// as one table and written to bench-results.json ({ name, target, median, p95, pass } per row).
import { writeFileSync } from 'node:fs';

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);

/**
 * A row from samples. `limit` applies to the median unless `on` says 'p95' or 'both' (then `p95Limit`);
 * `unit` is printed after the numbers.
 */
export function row(name, target, samples, { limit, p95Limit = limit, on = 'median', unit = 'ms', note } = {}) {
  if (!samples || samples.length === 0) return notMeasured(name, target, note);
  const median = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  const pass = (on === 'p95' ? true : median < limit + 1e-9) && (on === 'median' ? true : p95 < p95Limit + 1e-9);
  return { name, target, median: round(median), p95: round(p95), pass, unit, runs: samples.length, ...(note ? { note } : {}) };
}

/** A ratio row: this run's medians (and p95s) of `ours` over `theirs`; passes at or under `limit`. */
export function ratioRow(name, target, ours, theirs, limit) {
  if (!ours?.length || !theirs?.length) return notMeasured(name, target);
  const median = percentile(ours, 50) / percentile(theirs, 50);
  const p95 = percentile(ours, 95) / percentile(theirs, 95);
  return { name, target, median: round(median), p95: round(p95), pass: median <= limit + 1e-9, unit: '×', runs: Math.min(ours.length, theirs.length) };
}

/** A measurement shown for reference, with no target of its own. */
export function reference(name, samples, note) {
  if (!samples?.length) return notMeasured(name, '—', note);
  return { name, target: '—', median: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), pass: null, unit: 'ms', runs: samples.length, note: note ?? 'reference' };
}

/** A row whose measurement did not run (its script or feature is missing, or it failed: `note` says which). */
export function notMeasured(name, target, note = 'not measured') {
  return { name, target, median: null, p95: null, pass: null, note };
}

function cell(value, unit) {
  if (value === null || value === undefined) return '—';
  return unit === '×' ? `${value.toFixed(2)}×` : `${value}${unit ? ` ${unit}` : ''}`;
}

/** Prints every row as one table. */
export function printRows(rows) {
  console.log('');
  console.table(
    rows.map((r) => ({
      row: r.name,
      target: r.target,
      median: cell(r.median, r.unit),
      p95: cell(r.p95, r.unit),
      result: r.pass === null ? (r.median === null ? 'not measured' : 'reference') : r.pass ? 'pass' : 'MISS',
      note: r.note ?? '',
    })),
  );
  const judged = rows.filter((r) => r.pass !== null);
  const unmeasured = rows.filter((r) => r.median === null).length;
  console.log(`${judged.filter((r) => r.pass).length} of ${judged.length} rows with a target pass; ${unmeasured} not measured.`);
}

/** Writes bench-results.json (git-ignored: results belong to the machine that measured them). */
export function writeResults(file, rows) {
  writeFileSync(file, `${JSON.stringify(rows.map(({ name, target, median, p95, pass, unit, runs, note }) => ({ name, target, median, p95, pass, unit, runs, note })), null, 2)}\n`);
}
