/**
 * Which spans touch which block of a document, kept up to date edit by edit: the view asks for the
 * spans of the few blocks it shows, and an edit costs the blocks it touches, not the whole set.
 */
import { blockAt, type TextBlock } from '../text/blocks.js';
import type { PaintSpan } from './segments.js';

/** Blocks `[first, last]` that a span touches (a span crossing a line break touches every block it covers). */
export function blocksOfSpan(blocks: readonly TextBlock[], span: PaintSpan): [number, number] {
  const first = blockAt(blocks, span.start);
  const last = span.end > span.start ? blockAt(blocks, span.end - 1) : first;
  return [first, Math.max(first, last)];
}

/**
 * The spans that changed between two versions of a sorted span list, by identity: an edit that
 * returns a new list sharing every untouched span (as `applySpanEdit` does) is diffed by walking
 * the common head and tail.
 */
export function changedSpans<T>(prev: readonly T[], next: readonly T[]): { removed: T[]; added: T[] } {
  let head = 0;
  while (head < prev.length && head < next.length && prev[head] === next[head]) head++;
  let prevEnd = prev.length;
  let nextEnd = next.length;
  while (prevEnd > head && nextEnd > head && prev[prevEnd - 1] === next[nextEnd - 1]) {
    prevEnd--;
    nextEnd--;
  }
  return { removed: prev.slice(head, prevEnd), added: next.slice(head, nextEnd) };
}

/** Spans per block, in order of start; blocks without spans hold nothing. */
export class SpanBlockIndex<T extends PaintSpan> {
  private readonly lists: (T[] | undefined)[];
  private spans: readonly T[];

  constructor(
    private readonly blocks: readonly TextBlock[],
    sortedSpans: readonly T[],
  ) {
    this.spans = sortedSpans;
    this.lists = new Array<T[] | undefined>(blocks.length);
    // One walk over the blocks as the spans go by (they are sorted by start): no search per span.
    let first = 0;
    for (const span of sortedSpans) {
      while (first + 1 < blocks.length && blocks[first + 1]!.start <= span.start) first++;
      const lastOffset = span.end > span.start ? span.end - 1 : span.start;
      for (let b = first; b < blocks.length && (b === first || blocks[b]!.start <= lastOffset); b++) {
        const list = this.lists[b];
        if (list) list.push(span);
        else this.lists[b] = [span];
      }
    }
  }

  /** The spans touching block `index`, in order of start. */
  spansOf(index: number): readonly T[] {
    return this.lists[index] ?? [];
  }

  /** Moves the index to `next` (a new version of the list); returns the blocks whose spans changed. */
  update(next: readonly T[]): Set<number> {
    const touched = new Set<number>();
    const { removed, added } = changedSpans(this.spans, next);
    this.spans = next;
    for (const span of removed) this.remove(span, touched);
    for (const span of added) this.add(span, touched);
    return touched;
  }

  private add(span: T, touched: Set<number>): void {
    const [first, last] = blocksOfSpan(this.blocks, span);
    for (let b = first; b <= last; b++) {
      const list = this.lists[b];
      if (!list) {
        this.lists[b] = [span];
      } else {
        let at = list.length;
        while (at > 0 && list[at - 1]!.start > span.start) at--;
        list.splice(at, 0, span);
      }
      touched.add(b);
    }
  }

  private remove(span: T, touched: Set<number>): void {
    const [first, last] = blocksOfSpan(this.blocks, span);
    for (let b = first; b <= last; b++) {
      const list = this.lists[b];
      const at = list ? list.indexOf(span) : -1;
      if (list && at >= 0) {
        list.splice(at, 1);
        if (list.length === 0) this.lists[b] = undefined;
      }
      touched.add(b);
    }
  }
}
