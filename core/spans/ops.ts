/**
 * Edits of an annotation set as operations: each edit (create, relabel, delete a span; change the
 * status) is a small value appended to its set's log, and a set is its last folded copy plus the
 * operations after it. Span operations address spans by id, so the logs of two writers merge:
 * creating, relabelling and deleting different spans commute, a relabel of a span deleted meanwhile
 * does nothing, and the last status written wins.
 */
import type { AnnotationSet, DocStatus, Span } from '../model.js';
import type { SpanEdit } from './edits.js';

/** A status and the note that goes with it (a flag's note). */
export interface StatusValue {
  status: DocStatus;
  note?: string;
}

/** A status change: what the set had, what it gets. */
export interface StatusChange {
  from: StatusValue;
  to: StatusValue;
}

/** Where an operation sits in the undo history: a new edit, or the undo or redo of an earlier one. */
export type HistoryRole = 'do' | 'undo' | 'redo';

/** One edit of an annotation set, as appended to its log. */
export interface SetOp {
  /** Unique id (undo and redo operations name the operation they reverse or repeat by it). */
  id: string;
  /** The span change: `before` null creates, `after` null deletes, both relabel (same span id). */
  span?: SpanEdit;
  /** The status change that came with the edit, or the status change itself. */
  status?: StatusChange;
  /** Undo-history role; absent for changes that are not undone with Ctrl+Z (mark done, skip, flag). */
  history?: HistoryRole;
  /** For undo and redo: the id of the operation reversed or repeated. */
  of?: string;
  /** Milliseconds of work on the document since the previous edit. */
  spentMs: number;
}

function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
}

function insertSorted(spans: Span[], span: Span): void {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareSpans(spans[mid]!, span) < 0) lo = mid + 1;
    else hi = mid;
  }
  spans.splice(lo, 0, span);
}

/**
 * What becomes of the span with `edit`'s id when the edit is applied to a set where that span is
 * `current` (undefined: absent). Create puts its span (replacing one with the same id); delete
 * removes it; relabel replaces it only when it is still there.
 */
export function spanAfterEdit(current: Span | undefined, edit: SpanEdit): Span | undefined {
  if (!edit.before) return edit.after ?? undefined;
  if (!edit.after) return undefined;
  return current ? edit.after : undefined;
}

/** Applies a span edit by span id to a sorted list, returning a new sorted list (the input is not mutated). */
export function applySpanOp(spans: readonly Span[], edit: SpanEdit): Span[] {
  const ids = new Set([edit.before?.id, edit.after?.id].filter((id): id is string => id !== undefined));
  const result: Span[] = [];
  const current = new Map<string, Span>();
  for (const span of spans) {
    if (ids.has(span.id)) current.set(span.id, span);
    else result.push(span);
  }
  if (edit.before && edit.after && edit.before.id !== edit.after.id) {
    // Two spans: the first goes, the second comes (not produced by the app, kept total).
    insertSorted(result, edit.after);
    return result;
  }
  const id = (edit.after ?? edit.before)!.id;
  const next = spanAfterEdit(current.get(id), edit);
  if (next) insertSorted(result, next);
  return result;
}

/** Applies one operation made at `at` (ms since the epoch) to a set; the input is not mutated. */
export function applyOp(set: AnnotationSet, op: SetOp, at: number): AnnotationSet {
  const next: AnnotationSet = {
    ...set,
    spans: op.span ? applySpanOp(set.spans, op.span) : set.spans,
    timeSpentMs: set.timeSpentMs + op.spentMs,
    updatedAt: Math.max(set.updatedAt, at),
  };
  if (op.status) {
    next.status = op.status.to.status;
    if (op.status.to.note !== undefined) next.note = op.status.to.note;
    else delete next.note;
  }
  return next;
}

/** A logged operation with the time it was made, as folding reads it. */
export interface TimedOp {
  op: SetOp;
  at: number;
}

/** Folds operations, in log order, into a set. */
export function foldOps(set: AnnotationSet, ops: readonly TimedOp[]): AnnotationSet {
  return ops.reduce((acc, { op, at }) => applyOp(acc, op, at), set);
}

/** Span count per label. */
export function labelCounts(spans: readonly Span[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const span of spans) counts[span.label] = (counts[span.label] ?? 0) + 1;
  return counts;
}

/** Adds `delta` to `label`'s count in a copy of `counts`; a count that reaches zero is removed. */
export function addToCount(counts: Readonly<Record<string, number>>, label: string, delta: number): Record<string, number> {
  const next = { ...counts };
  const value = (next[label] ?? 0) + delta;
  if (value > 0) next[label] = value;
  else delete next[label];
  return next;
}

/** True when two statuses (with their notes) are the same. */
export function sameStatus(a: StatusValue, b: StatusValue): boolean {
  return a.status === b.status && (a.note ?? '') === (b.note ?? '');
}

/** The status of a set, with its note. */
export function statusOf(set: Pick<AnnotationSet, 'status' | 'note'>): StatusValue {
  return set.note !== undefined ? { status: set.status, note: set.note } : { status: set.status };
}
