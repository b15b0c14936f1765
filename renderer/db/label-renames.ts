/**
 * Label names a schema edit took out of use, and what they became: a renamed label maps to its new
 * name, a label removed with its spans maps to null. Kept in the profile (`prefs`) so an edit made
 * in another window before it heard of the change — queued, or waiting for a retry after a failed
 * save — is stored with the new name when it reaches the log (`appendOp` applies the map), and
 * nothing comes back under the old name. A name put back into the schema leaves the map.
 */
import type { Span } from '../../core/model';
import type { SetOp } from '../../core/spans/ops';
import type { SpanlightDb } from './database';

/** Old label name → new name (null: its spans were removed). */
export type LabelRenames = Readonly<Record<string, string | null>>;

const RENAMES_KEY = 'labelRenames';

/** The label names taken out of use (read inside the caller's transaction when it includes `prefs`). */
export async function labelRenames(db: SpanlightDb): Promise<LabelRenames> {
  const row = await db.prefs.get(RENAMES_KEY);
  return row && typeof row.value === 'object' && row.value !== null ? (row.value as LabelRenames) : {};
}

/** Stores the map (an empty map removes the row). */
export async function putLabelRenames(db: SpanlightDb, renames: LabelRenames): Promise<void> {
  if (Object.keys(renames).length === 0) await db.prefs.delete(RENAMES_KEY);
  else await db.prefs.put({ key: RENAMES_KEY, value: renames });
}

/** The map after `from` became `to` (earlier names that led to `from` now lead to `to`; `to` is a live name again). */
export function withRename(renames: LabelRenames, from: string, to: string | null): Record<string, string | null> {
  const next: Record<string, string | null> = {};
  for (const [old, now] of Object.entries(renames)) {
    if (old === to) continue;
    next[old] = now === from ? to : now;
  }
  next[from] = to;
  return next;
}

/** The map without the names of `live` labels (names the schema uses again). */
export function withoutLive(renames: LabelRenames, live: Iterable<string>): Record<string, string | null> {
  const next: Record<string, string | null> = { ...renames };
  for (const name of live) delete next[name];
  return next;
}

/** A span under its current label name, or null when its label was removed (the same object when nothing changes). */
export function renamedSpan(span: Span, renames: LabelRenames): Span | null {
  if (!Object.hasOwn(renames, span.label)) return span;
  const to = renames[span.label];
  return to === null || to === undefined ? null : { ...span, label: to };
}

/**
 * An operation with its spans under their current label names (the same object when nothing
 * changes). A side of a span edit whose label was removed counts as absent: a relabel to it
 * deletes the span, a relabel from it creates the span under its other label, a create or delete
 * of it does nothing. An operation left with nothing to do is no undo step any more (its time spent
 * still counts).
 */
export function renamedOp(op: SetOp, renames: LabelRenames): SetOp {
  if (!op.span || Object.keys(renames).length === 0) return op;
  const before = op.span.before && renamedSpan(op.span.before, renames);
  const after = op.span.after && renamedSpan(op.span.after, renames);
  if (before === op.span.before && after === op.span.after) return op;
  if (before || after) return { ...op, span: { before, after } };
  const { span: _span, ...rest } = op;
  if (rest.status) return rest;
  const { history: _history, of: _of, ...plain } = rest;
  return plain;
}
