/** Span edits (create, relabel, delete) as reversible values; their undo history is `history.ts`. */
import type { Span } from '../model.js';
import { applySpanOp } from './ops.js';

/** One reversible change: `before` null = create, `after` null = delete, both = relabel/change. */
export interface SpanEdit {
  before: Span | null;
  after: Span | null;
}

/** Applies an edit to a sorted span list by span id, returning a new sorted list (the input is not mutated); see `applySpanOp`. */
export function applySpanEdit(spans: readonly Span[], edit: SpanEdit): Span[] {
  return applySpanOp(spans, edit);
}

/** The edit that undoes `edit`. */
export function invertSpanEdit(edit: SpanEdit): SpanEdit {
  return { before: edit.after, after: edit.before };
}

/** True when a span with the same range and label already exists. */
export function hasDuplicate(spans: readonly Span[], start: number, end: number, label: string): boolean {
  return spans.some((s) => s.start === start && s.end === end && s.label === label);
}

/** True when `[start, end)` intersects any existing span. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && s.end > start);
}
