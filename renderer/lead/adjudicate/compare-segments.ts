/**
 * Cuts a stretch of text into segments at every span boundary of every lane, so each segment knows
 * which labels each lane has over it (the comparison draws one underline per lane), and which
 * lanes start a span there (a small gap keeps two adjacent spans apart).
 */

/** A span as the comparison draws it. */
export interface LaneSpan {
  start: number;
  end: number;
  label: string;
}

/** One piece of text with the same spans over it in every lane. */
export interface LaneSegment {
  start: number;
  end: number;
  /** Per lane: the labels of its spans covering the segment (empty: none). */
  labels: string[][];
  /** Per lane: whether one of its spans starts at this segment. */
  starts: boolean[];
}

/** The segments of `[from, to)`; `extraCuts` adds boundaries (the current unit's range). */
export function laneSegments(from: number, to: number, lanes: readonly (readonly LaneSpan[])[], extraCuts: readonly number[] = []): LaneSegment[] {
  const cuts = new Set<number>([from, to]);
  const inside = lanes.map((spans) => spans.filter((s) => s.start < to && s.end > from));
  for (const spans of inside) for (const s of spans) for (const c of [s.start, s.end]) if (c > from && c < to) cuts.add(c);
  for (const c of extraCuts) if (c > from && c < to) cuts.add(c);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: LaneSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({
      start,
      end,
      labels: inside.map((spans) => [...new Set(spans.filter((s) => s.start < end && s.end > start).map((s) => s.label))]),
      starts: inside.map((spans) => spans.some((s) => s.start === start)),
    });
  }
  return segments;
}

/** The stretch of paragraphs to show around `[start, end)`: whole paragraphs, about `around` characters each side. */
export function windowAround(paragraphs: readonly { start: number; end: number }[], start: number, end: number, around: number): { first: number; last: number } {
  let first = 0;
  while (first + 1 < paragraphs.length && paragraphs[first]!.end < start - around) first++;
  let last = first;
  while (last + 1 < paragraphs.length && paragraphs[last + 1]!.start <= end + around) last++;
  return { first, last };
}
