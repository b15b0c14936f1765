/** Span edits (create, relabel, delete) as reversible values, and an undo/redo history of them. */
import type { Span } from '../model.js';

/** One reversible change: `before` null = create, `after` null = delete, both = relabel/change. */
export interface SpanEdit {
  before: Span | null;
  after: Span | null;
}

function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
}

/** Applies an edit to a sorted span list, returning a new sorted list (the input is not mutated). */
export function applySpanEdit(spans: readonly Span[], edit: SpanEdit): Span[] {
  const result = edit.before ? spans.filter((s) => s.id !== edit.before!.id) : [...spans];
  if (edit.after) {
    const after = edit.after;
    let lo = 0;
    let hi = result.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareSpans(result[mid]!, after) < 0) lo = mid + 1;
      else hi = mid;
    }
    result.splice(lo, 0, after);
  }
  return result;
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

/** An undo/redo stack of span edits for one document. */
export class SpanEditHistory {
  private readonly done: SpanEdit[] = [];
  private readonly undone: SpanEdit[] = [];

  /** Records an edit that was just applied; clears the redo stack. */
  record(edit: SpanEdit): void {
    this.done.push(edit);
    this.undone.length = 0;
  }

  /** Returns the edit to apply to undo the last change, or null when there is nothing to undo. */
  undo(): SpanEdit | null {
    const edit = this.done.pop();
    if (!edit) return null;
    this.undone.push(edit);
    return invertSpanEdit(edit);
  }

  /** Returns the edit to apply to redo the last undone change, or null. */
  redo(): SpanEdit | null {
    const edit = this.undone.pop();
    if (!edit) return null;
    this.done.push(edit);
    return edit;
  }

  /** Whether undo would do something. */
  get canUndo(): boolean {
    return this.done.length > 0;
  }

  /** Whether redo would do something. */
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}
