/**
 * Adjudication actions as undoable values: each is the gold span edits it made per document and
 * the dropped unit keys it added or removed there. Undo replays the edits' undo through the gold
 * set's own history (one undo per edit) and restores the keys.
 */
import type { AdjudicationUnit, ResolvedUnit } from '../../../core/adjudication/index';
import type { SpanEdit } from '../../../core/spans/edits';

/** What an action did on one document. */
export interface DocChange {
  docId: string;
  /** Gold span edits, in the order they were applied. */
  edits: SpanEdit[];
  /** Unit keys recorded as dropped, and keys no longer dropped. */
  dropped: { add: string[]; remove: string[] };
}

/** One step of the adjudicator, undone as a whole. */
export interface AdjudicationAction {
  /** What it did, for messages ("took alice’s span"). */
  label: string;
  changes: DocChange[];
  /** The unit it resolved, to return to on undo. */
  at?: { docId: string; key: string };
}

/** The change of resolving `unit` as `resolved`: its edits, and its key dropped or no longer dropped. */
export function changeOf(unit: AdjudicationUnit, resolved: ResolvedUnit, dropped: ReadonlySet<string>): DocChange {
  const key = unit.key;
  const add = resolved.dropped && !dropped.has(key) ? [key] : [];
  const remove = !resolved.dropped && dropped.has(key) ? [key] : [];
  return { docId: unit.docId, edits: resolved.edits, dropped: { add, remove } };
}

/** The dropped keys of a document after a change (`undo`: the change taken back). */
export function droppedAfter(keys: ReadonlySet<string>, change: DocChange, undo = false): Set<string> {
  const next = new Set(keys);
  const [add, remove] = undo ? [change.dropped.remove, change.dropped.add] : [change.dropped.add, change.dropped.remove];
  for (const k of remove) next.delete(k);
  for (const k of add) next.add(k);
  return next;
}

/** Whether a change touches the dropped keys at all. */
export function changesDropped(change: DocChange): boolean {
  return change.dropped.add.length > 0 || change.dropped.remove.length > 0;
}

/** An undo/redo stack of actions. */
export class ActionHistory {
  private readonly done: AdjudicationAction[] = [];
  private readonly undone: AdjudicationAction[] = [];

  /** Records an action just applied; clears the redo stack. */
  record(action: AdjudicationAction): void {
    this.done.push(action);
    this.undone.length = 0;
  }

  /** The action to undo (moved to the redo stack), or null. */
  undo(): AdjudicationAction | null {
    const action = this.done.pop() ?? null;
    if (action) this.undone.push(action);
    return action;
  }

  /** The action to redo (moved back), or null. */
  redo(): AdjudicationAction | null {
    const action = this.undone.pop() ?? null;
    if (action) this.done.push(action);
    return action;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}
