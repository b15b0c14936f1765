import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import { applySpanEdit, hasDuplicate, overlapsAny } from '../../../core/spans/edits';

const span = (id: string, start: number, end: number, label = 'LOCATION'): Span => ({
  id, start, end, label, source: 'manual', createdBy: 'alice', createdAt: 0,
});

describe('span edits', () => {
  it('creates, relabels and deletes while keeping spans sorted', () => {
    let spans: Span[] = [];
    spans = applySpanEdit(spans, { before: null, after: span('b', 10, 14) });
    spans = applySpanEdit(spans, { before: null, after: span('a', 0, 4) });
    expect(spans.map((s) => s.id)).toEqual(['a', 'b']);
    spans = applySpanEdit(spans, { before: spans[0]!, after: { ...spans[0]!, label: 'ACTOR' } });
    expect(spans[0]!.label).toBe('ACTOR');
    spans = applySpanEdit(spans, { before: spans[1]!, after: null });
    expect(spans.map((s) => s.id)).toEqual(['a']);
  });

  it('detects duplicates and overlaps', () => {
    const spans = [span('a', 5, 10)];
    expect(hasDuplicate(spans, 5, 10, 'LOCATION')).toBe(true);
    expect(hasDuplicate(spans, 5, 10, 'ACTOR')).toBe(false);
    expect(overlapsAny(spans, 9, 12)).toBe(true);
    expect(overlapsAny(spans, 10, 12)).toBe(false);
  });
});
