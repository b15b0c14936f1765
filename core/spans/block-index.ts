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

/** Spans per block, sorted by start then end (longest first); blocks without spans hold nothing. */
export class SpanBlockIndex<T extends PaintSpan> {
  private readonly lists = new Map<number, T[]>();
  private spans: readonly T[];

  constructor(
    private readonly blocks: readonly TextBlock[],
    sortedSpans: readonly T[],
  ) {
    this.spans = sortedSpans;
    for (const span of sortedSpans) this.add(span);
  }

  /** The spans touching block `index`, outermost first among those starting together. */
  spansOf(index: number): readonly T[] {
    return this.lists.get(index) ?? [];
  }

  /** The span list the index reflects. */
  get current(): readonly T[] {
    return this.spans;
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

  private add(span: T, touched?: Set<number>): void {
    const [first, last] = blocksOfSpan(this.blocks, span);
    for (let b = first; b <= last; b++) {
      const list = this.lists.get(b);
      if (!list) {
        this.lists.set(b, [span]);
      } else {
        // Usually appended (spans arrive sorted); an edit inserts it in place.
        let at = list.length;
        while (at > 0 && compareForPaint(list[at - 1]!, span) > 0) at--;
        list.splice(at, 0, span);
      }
      touched?.add(b);
    }
  }

  private remove(span: T, touched: Set<number>): void {
    const [first, last] = blocksOfSpan(this.blocks, span);
    for (let b = first; b <= last; b++) {
      const list = this.lists.get(b);
      const at = list ? list.indexOf(span) : -1;
      if (list && at >= 0) {
        list.splice(at, 1);
        if (list.length === 0) this.lists.delete(b);
      }
      touched.add(b);
    }
  }
}

function compareForPaint(a: PaintSpan, b: PaintSpan): number {
  return a.start - b.start || b.end - a.end;
}
