/**
 * The character continuum of unitizing alpha: documents every annotator annotated, concatenated
 * in the order they are added, each annotator's spans shifted to their document's place. As in
 * INCEpTION, a span that overlaps an earlier span of the same label and annotator (earlier start,
 * or the same start and longer; a left-out span still counts as earlier) is left out, because a
 * rater's units of one category must not overlap.
 */
import { unitizingAlphaOfTilings, type Tiling } from './unitizing.js';
import type { AgreementSpan, UnitizingFigure } from './types.js';

/** Collects documents into one continuum and measures unitizing alpha over it. */
export class Continuum {
  /** Tilings by label index, then by annotator. */
  private readonly tilings: Tiling[][];
  private readonly reach: Float64Array;
  private length = 0;
  private documents = 0;
  /** Spans left out for overlapping a same-label span, by annotator index. */
  readonly dropped: number[];

  constructor(private readonly raters: number, private readonly labels: readonly string[], private readonly labelIndex: ReadonlyMap<string, number>) {
    this.dropped = new Array<number>(raters).fill(0);
    this.tilings = labels.map(() => Array.from({ length: raters }, () => ({ starts: [], ends: [] })));
    this.reach = new Float64Array(labels.length);
  }

  /** Appends a document of `length` characters; `spans[r]` is annotator r's spans (canonical order). */
  add(length: number, spans: readonly (readonly AgreementSpan[])[]): void {
    const base = this.length;
    spans.forEach((canonical, r) => {
      // INCEpTION's order is start ascending, longer first; canonical order differs only where two spans share a start.
      let list = canonical;
      for (let i = 1; i < list.length; i++) {
        if (list[i]!.start === list[i - 1]!.start) {
          list = [...canonical].sort((a, b) => a.start - b.start || b.end - a.end);
          break;
        }
      }
      this.reach.fill(-1);
      for (const s of list) {
        const l = this.labelIndex.get(s.label)!;
        if (s.start < this.reach[l]!) this.dropped[r]!++;
        else {
          const t = this.tilings[l]![r]!;
          t.starts.push(base + s.start);
          t.ends.push(base + s.end);
        }
        if (s.end > this.reach[l]!) this.reach[l] = s.end;
      }
    });
    this.length += length;
    this.documents++;
  }

  /** Unitizing alpha per label (null for a label nobody used) and overall. */
  figure(): UnitizingFigure {
    const used = new Map<string, Tiling[]>();
    this.labels.forEach((label, l) => {
      if (this.tilings[l]!.some((t) => t.starts.length > 0)) used.set(label, this.tilings[l]!);
    });
    const result = unitizingAlphaOfTilings(used, 0, this.length, this.raters);
    const perLabel: Record<string, number | null> = {};
    for (const label of this.labels) perLabel[label] = result.categories[label]?.alpha ?? null;
    return { overall: result.overall, labels: perLabel, documents: this.documents, length: this.length };
  }
}
