/** Cuts a paragraph into runs of text covered by the same set of spans, for painting highlights. */
import type { Paragraph } from '../text/paragraphs.js';

/** A run of text `[start, end)` covered by exactly the spans in `spanIds` (outermost first). */
export interface Segment {
  start: number;
  end: number;
  spanIds: string[];
}

/** Minimal span shape needed to paint. */
export interface PaintSpan {
  id: string;
  start: number;
  end: number;
}

/**
 * Segments of one paragraph. `spans` must be sorted by start (then end) and may extend beyond
 * the paragraph; a span crossing a line break is painted on every line it covers.
 */
export function paragraphSegments(paragraph: Paragraph, spans: readonly PaintSpan[]): Segment[] {
  const inside = spans.filter((s) => s.start < paragraph.end && s.end > paragraph.start);
  if (inside.length === 0) {
    return paragraph.end > paragraph.start ? [{ start: paragraph.start, end: paragraph.end, spanIds: [] }] : [];
  }
  const cuts = new Set<number>([paragraph.start, paragraph.end]);
  for (const s of inside) {
    cuts.add(Math.max(s.start, paragraph.start));
    cuts.add(Math.min(s.end, paragraph.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Outermost first: longer spans before the shorter ones they contain.
  const byOuter = [...inside].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const spanIds = byOuter.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    segments.push({ start, end, spanIds });
  }
  return segments;
}

/** Groups sorted spans by the paragraphs they touch: result[i] lists the spans of paragraph i. */
export function spansByParagraph<T extends PaintSpan>(paragraphs: readonly Paragraph[], sortedSpans: readonly T[]): T[][] {
  const result: T[][] = paragraphs.map(() => []);
  let first = 0;
  for (const span of sortedSpans) {
    while (first < paragraphs.length - 1 && paragraphs[first]!.end < span.start) first++;
    for (let p = first; p < paragraphs.length && paragraphs[p]!.start <= span.end; p++) {
      const para = paragraphs[p]!;
      if (span.start < para.end && span.end > para.start) result[p]!.push(span);
      else if (span.start === span.end && span.start >= para.start && span.start <= para.end) result[p]!.push(span);
    }
  }
  return result;
}
