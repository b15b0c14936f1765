/**
 * The log of set operations: appending one edit (a small row, plus the set's head row, in one
 * transaction: its cost does not depend on the set's size), reading a set (its folded row plus the
 * operations after it), and folding the log into the row from time to time.
 */
import Dexie from 'dexie';
import type { AnnotationSet, Span } from '../../core/model';
import { addToCount, foldOps, spanAfterEdit, type SetOp } from '../../core/spans/ops';
import { HISTORY_LIMIT } from '../../core/spans/history';
import { headOfSet, type OpRow, type SetHead, type SetRow, type SpanlightDb } from './database';
import { labelRenames, renamedOp } from './label-renames';

/** Operations kept per set after a fold, for the undo history (undo and redo operations count too). */
export const OPS_KEPT = 2 * HISTORY_LIMIT;

/** A fresh set with no spans. */
export function emptySet(docId: string, annotator: string): AnnotationSet {
  return { docId, annotator, spans: [], status: 'todo', timeSpentMs: 0, updatedAt: 0 };
}

/** The set of a stored row, without its bookkeeping. */
export function setOfRow(row: SetRow): AnnotationSet {
  const { through: _through, ...set } = row;
  return set;
}

/** The set's operations after `seq`, in log order. */
export function opsAfter(db: SpanlightDb, docId: string, annotator: string, seq: number): Promise<OpRow[]> {
  return db.ops.where('[docId+annotator+seq]').between([docId, annotator, seq + 1], [docId, annotator, Dexie.maxKey], true, true).toArray();
}

/** A set as stored: its row folded with the operations after it. */
export interface LoadedSet {
  set: AnnotationSet;
  /** The set's last operation (0: none). */
  lastSeq: number;
  /** The set's retained operations in log order (for the undo history). */
  log: OpRow[];
  /** Operations not folded into the row yet. */
  unfolded: number;
  /** Operations up to here may be missing from the log (folded and pruned). */
  prunedThrough: number;
}

async function readInTransaction(db: SpanlightDb, docId: string, annotator: string): Promise<LoadedSet> {
  const [row, head, log] = await Promise.all([db.annotationSets.get([docId, annotator]), db.heads.get([docId, annotator]), opsAfter(db, docId, annotator, 0)]);
  const through = row?.through ?? 0;
  const after = log.filter((o) => o.seq! > through);
  const set = foldOps(row ? setOfRow(row) : emptySet(docId, annotator), after);
  const lastSeq = Math.max(head?.lastSeq ?? 0, through, log.at(-1)?.seq ?? 0);
  return { set, lastSeq, log, unfolded: after.length, prunedThrough: head?.prunedThrough ?? 0 };
}

/** Reads one set: its row and the operations after it, in one read transaction. */
export function loadSet(db: SpanlightDb, docId: string, annotator: string): Promise<LoadedSet> {
  return db.transaction('r', [db.annotationSets, db.heads, db.ops], () => readInTransaction(db, docId, annotator));
}

/** The outcome of appending an operation. */
export interface Appended {
  seq: number;
  /** Operations of the set other windows wrote since `knownSeq`, in log order (before this one). */
  missed: OpRow[];
  head: SetHead;
  /** The operation as stored: with its labels' current names, when a schema edit renamed one since it was made. */
  op: SetOp;
}

/** The span the edit touches as it is now: the writer's view, corrected by the operations it has not seen. */
function currentSpan(op: SetOp, missed: readonly OpRow[]): Span | undefined {
  const edit = op.span!;
  const id = (edit.after ?? edit.before)!.id;
  let current = edit.before ?? undefined;
  for (const row of missed) {
    const other = row.op.span;
    if (!other) continue;
    const otherId = (other.after ?? other.before)!.id;
    if (otherId === id) current = spanAfterEdit(current, other);
  }
  return current;
}

function headAfter(head: SetHead, op: SetOp, at: number, seq: number, missed: readonly OpRow[]): SetHead {
  let { spans, labels } = head;
  if (op.span) {
    const before = currentSpan(op, missed);
    const after = spanAfterEdit(before, op.span);
    if (before) {
      spans--;
      labels = addToCount(labels, before.label, -1);
    }
    if (after) {
      spans++;
      labels = addToCount(labels, after.label, 1);
    }
  }
  const next: SetHead = { ...head, spans, labels, timeSpentMs: head.timeSpentMs + op.spentMs, updatedAt: Math.max(head.updatedAt, at), lastSeq: seq, unfolded: head.unfolded + 1 };
  if (op.status) {
    next.status = op.status.to.status;
    if (op.status.to.note !== undefined) next.note = op.status.to.note;
    else delete next.note;
  }
  return next;
}

/**
 * Appends one operation to a set's log and updates its head, in one transaction (strict durability:
 * resolved once on disk). `knownSeq` is the last operation of the set the writer has seen: the
 * operations other windows wrote since come back in `missed`, and the head's counts take them into
 * account (a span deleted meanwhile is not counted twice). An edit made before a schema edit renamed
 * or removed its label is stored under the label's current name (see `label-renames.ts`).
 */
export function appendOp(db: SpanlightDb, docId: string, annotator: string, made: SetOp, at: number, writer: string, knownSeq: number): Promise<Appended> {
  return db.transaction('rw', [db.ops, db.heads, db.annotationSets, db.prefs], async () => {
    const op = renamedOp(made, await labelRenames(db));
    let head = await db.heads.get([docId, annotator]);
    if (!head) {
      // A set written without a head (an older build, a raw import): count it once.
      const loaded = await readInTransaction(db, docId, annotator);
      head = headOfSet(loaded.set, loaded.lastSeq);
    }
    const missed = head.lastSeq !== knownSeq ? await opsAfter(db, docId, annotator, knownSeq) : [];
    const seq = await db.ops.add({ docId, annotator, op, at, writer });
    const next = headAfter(head, op, at, seq, missed);
    await db.heads.put(next);
    return { seq, missed, head: next, op };
  });
}

/**
 * Folds a set's log into its row (one row rewritten; never on the way from a key to the screen) and
 * prunes operations older than the undo history keeps. Returns false when there was nothing to fold.
 */
export function foldSet(db: SpanlightDb, docId: string, annotator: string): Promise<boolean> {
  return db.transaction('rw', [db.ops, db.heads, db.annotationSets], async () => {
    const loaded = await readInTransaction(db, docId, annotator);
    const pruned = loaded.log.slice(0, Math.max(0, loaded.log.length - OPS_KEPT));
    if (loaded.unfolded === 0 && pruned.length === 0) return false;
    const prunedThrough = Math.max(loaded.prunedThrough, pruned.at(-1)?.seq ?? 0);
    await db.annotationSets.put({ ...loaded.set, through: loaded.lastSeq });
    await db.heads.put(headOfSet(loaded.set, loaded.lastSeq, prunedThrough));
    if (pruned.length) await db.ops.bulkDelete(pruned.map((o) => o.seq!));
    return true;
  });
}

/**
 * Stores a whole set as the truth (rename, tests, restore): its row, folded through the set's
 * last operation, and its head. Use `appendOp` for edits.
 */
export async function putWholeSet(db: SpanlightDb, set: AnnotationSet): Promise<void> {
  await db.transaction('rw', [db.heads, db.annotationSets], async () => {
    const head = await db.heads.get([set.docId, set.annotator]);
    const lastSeq = head?.lastSeq ?? 0;
    await db.annotationSets.put({ ...set, through: lastSeq });
    await db.heads.put(headOfSet(set, lastSeq, head?.prunedThrough ?? 0));
  });
}
