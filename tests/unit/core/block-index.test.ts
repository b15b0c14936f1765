import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applySpanEdit } from '../../../core/spans/edits';
import { changedSpans, SpanBlockIndex } from '../../../core/spans/block-index';
import { splitBlocks } from '../../../core/text/blocks';
import type { Span } from '../../../core/model';

const text = 'Kiev est frappée.\nOdessa aussi.\n\nLviv encore.';
const blocks = splitBlocks(text);
const span = (id: string, start: number, end: number, label = 'LOCATION'): Span => ({ id, start, end, label, source: 'manual', createdBy: 'a', createdAt: 0 });

describe('changedSpans', () => {
  it('finds the one span an edit added, removed or replaced, by identity', () => {
    const a = span('a', 0, 4);
    const b = span('b', 18, 24);
    const c = span('c', 33, 37);
    expect(changedSpans([a, b, c], [a, c])).toEqual({ removed: [b], added: [] });
    const b2 = { ...b, label: 'ACTOR' };
    expect(changedSpans([a, b, c], [a, b2, c])).toEqual({ removed: [b], added: [b2] });
    expect(changedSpans([a, c], [a, b, c])).toEqual({ removed: [], added: [b] });
  });
});

describe('SpanBlockIndex', () => {
  it('lists the spans of each block, a span across line breaks in every block it covers', () => {
    const across = span('x', 12, 24);
    const index = new SpanBlockIndex(blocks, [span('a', 0, 4), across, span('c', 33, 37)]);
    expect(index.spansOf(0).map((s) => s.id)).toEqual(['a', 'x']);
    expect(index.spansOf(1).map((s) => s.id)).toEqual(['x']);
    expect(index.spansOf(2)).toEqual([]);
    expect(index.spansOf(3).map((s) => s.id)).toEqual(['c']);
  });

  it('follows edits and says which blocks they touched', () => {
    let spans = [span('a', 0, 4), span('c', 33, 37)];
    const index = new SpanBlockIndex(blocks, spans);
    const created = span('b', 18, 24);
    spans = applySpanEdit(spans, { before: null, after: created });
    expect([...index.update(spans)]).toEqual([1]);
    expect(index.spansOf(1)).toEqual([created]);
    const relabelled = { ...created, label: 'ACTOR' };
    spans = applySpanEdit(spans, { before: created, after: relabelled });
    expect([...index.update(spans)]).toEqual([1]);
    expect(index.spansOf(1)).toEqual([relabelled]);
    const wide = span('w', 2, 35);
    spans = applySpanEdit(spans, { before: null, after: wide });
    expect([...index.update(spans)].sort()).toEqual([0, 1, 2, 3]);
    spans = applySpanEdit(spans, { before: spans.find((s) => s.id === 'a')!, after: null });
    expect([...index.update(spans)]).toEqual([0]);
    expect(index.spansOf(0).map((s) => s.id)).toEqual(['w']);
    expect(index.spansOf(3).map((s) => s.id)).toEqual(['w', 'c']);
  });
});

describe('SpanBlockIndex against a plain scan', () => {
  it('holds, after any edits, exactly the spans each block shows', () => {
    const textOf = fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é'), minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(textOf, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 30 }), (text, ops) => {
        const blocks = splitBlocks(text, 7);
        const index = new SpanBlockIndex(blocks, [] as Span[]);
        let spans: Span[] = [];
        ops.forEach(([a, b, remove], i) => {
          if (remove && spans.length > 0) spans = applySpanEdit(spans, { before: spans[a % spans.length]!, after: null });
          else {
            const start = a % (text.length + 1);
            const end = Math.min(text.length, start + (b % 12));
            spans = applySpanEdit(spans, { before: null, after: span(`s${i}`, start, end) });
          }
          index.update(spans);
        });
        const rebuilt = new SpanBlockIndex(blocks, spans);
        for (let b = 0; b < blocks.length; b++) {
          const expected = spans.filter((s) => {
            const lastStartingBy = (offset: number) => blocks.reduce((found, k, i) => (k.start <= offset ? i : found), -1);
            const first = lastStartingBy(s.start);
            const last = lastStartingBy(s.end > s.start ? s.end - 1 : s.start);
            return b >= first && b <= Math.max(first, last);
          });
          expect(new Set(index.spansOf(b))).toEqual(new Set(expected));
          expect(new Set(rebuilt.spansOf(b))).toEqual(new Set(expected));
        }
      }),
    );
  });
});
