/**
 * Coding units of a document and the category each annotator gives each unit. A unit is a token
 * (the document's own tokens, else the core tokenizer's) or a character; its category is the
 * sorted labels of the annotator's spans that cover it (share at least one character with it)
 * joined by `+`, or `O` when none does. Characters are handled as runs: between two consecutive
 * span boundaries every character has the same categories, so a run is one weighted unit.
 */
import { isWhitespaceCode } from '../text/tokenizer.js';
import { compareText } from './span-matching.js';
import { tokenBoundaries } from './token-scan.js';
import type { AgreementDocument, AgreementSpan, AgreementUnit, TokenUnits } from './types.js';

/** The units of one document: unit i is `[starts[i], ends[i])`, counted `weights[i]` times (1 when absent). */
export interface DocUnits {
  starts: Int32Array;
  ends: Int32Array;
  weights: Float64Array | null;
  count: number;
}

/** The outside category (no span covers the unit). */
export const OUTSIDE = 0;

/** Categories as small integers: 0 is `O`, then labels and combinations of labels as they appear. */
export class CategoryTable {
  /** Category names by id (`O`, `ACTOR`, `ACTOR+LOCATION`, ...). */
  readonly names: string[] = ['O'];
  private readonly labelsOf: string[][] = [[]];
  /** Ids by their labels joined with U+0000 (the empty key is O, so a label named "O" stays a label). */
  private readonly byKey = new Map<string, number>([['', OUTSIDE]]);
  private readonly combined = new Map<string, number>();

  /** Id of the category made of exactly these labels (sorted, without duplicates). */
  private intern(labels: string[]): number {
    const key = labels.join('\u0000');
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(labels.length ? labels.join('+') : 'O');
      this.labelsOf.push(labels);
      this.byKey.set(key, id);
    }
    return id;
  }

  /** Id of the category of a single label. */
  label(label: string): number {
    return this.byKey.get(label) ?? this.intern([label]);
  }

  /** Id of category `category` with `label` added. */
  add(category: number, label: string): number {
    if (category === OUTSIDE) return this.label(label);
    const key = `${category}\u0000${label}`;
    let id = this.combined.get(key);
    if (id === undefined) {
      const labels = this.labelsOf[category]!;
      id = labels.includes(label) ? category : this.intern([...labels, label].sort(compareText));
      this.combined.set(key, id);
    }
    return id;
  }
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhitespaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Token units: the document's tokens when it brought some (tokens that are only whitespace, as
 * spaCy's layout writes runs of whitespace, are not units), else the core tokenizer's. With
 * `transient`, the tokenizer's arrays are reused by the next call (see `tokenBoundaries`).
 */
export function tokenUnits(doc: AgreementDocument, transient = false): DocUnits {
  if (doc.tokens && doc.tokens.length > 0) {
    const starts = new Int32Array(doc.tokens.length);
    const ends = new Int32Array(doc.tokens.length);
    let count = 0;
    for (const t of doc.tokens) {
      if (t.end <= t.start || (doc.text !== undefined && isBlank(doc.text, t.start, t.end))) continue;
      starts[count] = t.start;
      ends[count++] = t.end;
    }
    return { starts, ends, weights: null, count };
  }
  if (doc.text === undefined) throw new Error(`document ${doc.id} has neither tokens nor text: token units need one of them`);
  return { ...tokenBoundaries(doc.text, transient), weights: null };
}

/**
 * Character units as runs: the text cut at every span boundary of every annotator; each run
 * weighs its length in characters (UTF-16 code units).
 */
export function charUnits(length: number, spanLists: readonly (readonly AgreementSpan[])[]): DocUnits {
  let n = 2;
  for (const spans of spanLists) n += 2 * spans.length;
  const cuts = new Int32Array(n);
  cuts[1] = length;
  let k = 2;
  for (const spans of spanLists) {
    for (const s of spans) {
      cuts[k++] = s.start;
      cuts[k++] = s.end;
    }
  }
  cuts.sort();
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const weights = new Float64Array(n);
  let count = 0;
  for (let i = 1; i < n; i++) {
    const a = cuts[i - 1]!;
    const b = cuts[i]!;
    if (b > a) {
      starts[count] = a;
      ends[count] = b;
      weights[count++] = b - a;
    }
  }
  return { starts, ends, weights, count };
}

/** Token units of a document from `cache` (by document id), computed and stored there when missing. */
export function cachedTokenUnits(doc: AgreementDocument, cache: Map<string, TokenUnits>): DocUnits {
  let units = cache.get(doc.id);
  if (!units) cache.set(doc.id, (units = tokenUnits(doc)));
  return { starts: units.starts, ends: units.ends, count: units.count, weights: null };
}

/** Units of a document for the chosen unit kind; token arrays may be reused by the next call when `transient`. */
export function documentUnits(unit: AgreementUnit, doc: AgreementDocument, spanLists: readonly (readonly AgreementSpan[])[], transient = false): DocUnits {
  return unit === 'char' ? charUnits(doc.length, spanLists) : tokenUnits(doc, transient);
}

/** Index of the first unit whose end is after `offset` (units sorted, not overlapping). */
function firstEndingAfter(units: DocUnits, offset: number): number {
  let lo = 0;
  let hi = units.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Units some span covers, collected while categorizing a document (each listed once). */
export class TouchedUnits {
  private stamp = 0;
  private marks = new Int32Array(1024);
  list = new Int32Array(1024);
  count = 0;

  /** Starts a new document of `units` units. */
  reset(units: number): void {
    if (this.marks.length < units) this.marks = new Int32Array(Math.max(units, this.marks.length * 2));
    this.stamp++;
    this.count = 0;
  }

  /** Records unit `u` (once per document). */
  touch(u: number): void {
    if (this.marks[u] === this.stamp) return;
    this.marks[u] = this.stamp;
    if (this.count === this.list.length) {
      const list = new Int32Array(this.count * 2);
      list.set(this.list);
      this.list = list;
    }
    this.list[this.count++] = u;
  }
}

/**
 * Writes into `out[0..units.count)` the category each unit gets from `spans`: every span adds its
 * label to the units it shares a character with. Units a span covers are added to `touched`.
 */
export function categorize(units: DocUnits, spans: readonly AgreementSpan[], table: CategoryTable, out: Int32Array, touched: TouchedUnits): void {
  out.fill(OUTSIDE, 0, units.count);
  for (const s of spans) {
    const single = table.label(s.label);
    for (let u = firstEndingAfter(units, s.start); u < units.count && units.starts[u]! < s.end; u++) {
      const current = out[u]!;
      out[u] = current === OUTSIDE ? single : current === single ? single : table.add(current, s.label);
      touched.touch(u);
    }
  }
}
