/**
 * One annotation set as a window sees it: what is on disk (`base`, through log operation
 * `lastSeen`), plus this window's edits not stored yet, plus the undo history rebuilt from the log.
 * Edits become operations queued for the disk in order; operations other windows append are read
 * when they announce them, so two windows on one document both keep and show all their edits.
 */
import type { AnnotationSet, DocStatus } from '../../core/model';
import type { SpanEdit } from '../../core/spans/edits';
import { SetHistory } from '../../core/spans/history';
import { applyOp, foldOps, sameStatus, statusOf, type SetOp } from '../../core/spans/ops';
import type { OpRow, SpanlightDb } from './database';
import { announceSetChanges, onSetChange, type SetChange } from './set-changes';
import { appendOp, foldSet, loadSet, opsAfter, type Appended } from './set-log';
import { saveQueueOf, type SaveQueue } from './save-queue';
import { newId } from './ids';

/** Longest pause still counted as time spent on a document. */
const IDLE_CAP_MS = 5 * 60_000;
/** A set whose log has this many operations after its row is folded at the next idle moment. */
export const FOLD_AFTER = 200;

/** This window's id in the operations it writes. */
export const WRITER_ID = newId('w');

/** What a view of the set shows. */
export interface SetSnapshot {
  /** The set with this window's unsaved edits, or null while loading. */
  set: AnnotationSet | null;
  /** The set as stored on disk, or null while loading. */
  stored: AnnotationSet | null;
  canUndo: boolean;
  canRedo: boolean;
  /** This set's edits not on disk yet. */
  unsaved: number;
  /** Why the set could not be loaded, if it could not. */
  loadError: string | null;
}

interface Pending {
  op: SetOp;
  at: number;
}

/** A window's live copy of one annotation set. */
export class SetSession {
  private base: AnnotationSet | null = null;
  private lastSeen = 0;
  private prunedThrough = 0;
  private unfolded = 0;
  private pending: Pending[] = [];
  private history = new SetHistory();
  private lastTick = Date.now();
  private snap: SetSnapshot = { set: null, stored: null, canUndo: false, canRedo: false, unsaved: 0, loadError: null };
  private readonly listeners = new Set<() => void>();
  private readonly storedListeners = new Set<(set: AnnotationSet) => void>();
  private readonly unsubscribe: () => void;
  private syncing: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Views using the session. */
  refs = 0;
  /** Resolves once the set is loaded (rejects when it cannot be). */
  readonly loaded: Promise<void>;

  constructor(
    private readonly db: SpanlightDb,
    private readonly queue: SaveQueue,
    readonly docId: string,
    readonly annotator: string,
  ) {
    this.unsubscribe = onSetChange(db, (change) => this.onChange(change));
    this.loaded = this.reload();
  }

  /** The key of the set in the save queue. */
  get key(): string {
    return JSON.stringify([this.docId, this.annotator]);
  }

  snapshot = (): SetSnapshot => this.snap;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Calls `listener` with the stored set whenever what is on disk changes (this window's edits or another's). */
  onStored(listener: (set: AnnotationSet) => void): () => void {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  /** Applies a span edit (it reopens a finished document); null while the set is loading. */
  apply(edit: SpanEdit): SetOp | null {
    const shown = this.snap.set;
    if (!shown) return null;
    return this.push(this.history.edit(edit, statusOf(shown), this.stamp()));
  }

  /** Undoes the last edit (and the status change it made); null when there is nothing to undo. */
  undo(): SetOp | null {
    const shown = this.snap.set;
    if (!shown) return null;
    const op = this.history.undo(statusOf(shown), this.stamp());
    return op ? this.push(op) : (this.publish(), null);
  }

  /** Redoes the last undone edit; null when there is nothing to redo. */
  redo(): SetOp | null {
    const shown = this.snap.set;
    if (!shown) return null;
    const op = this.history.redo(statusOf(shown), this.stamp());
    return op ? this.push(op) : (this.publish(), null);
  }

  /** Sets the status (the note belongs to a flag and goes with any other status); not an undo step. */
  setStatus(status: DocStatus, note?: string): SetOp | null {
    const shown = this.snap.set;
    if (!shown) return null;
    const to = status === 'flagged' && note !== undefined ? { status, note } : { status };
    const from = statusOf(shown);
    if (sameStatus(from, to)) return null;
    return this.push({ ...this.stamp(), status: { from, to } });
  }

  /** Closes the session: stops listening; the log is folded when nothing of it is pending. */
  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.foldWhenIdle();
  }

  /** Folds the set's log into its row once the queue is idle (if anything is unfolded). */
  foldWhenIdle(): void {
    if (this.unfolded === 0) return;
    const { db, docId, annotator } = this;
    this.queue.whenIdle(`fold ${this.key}`, async () => {
      if (await foldSet(db, docId, annotator)) this.unfolded = 0;
    });
  }

  private stamp() {
    const now = Date.now();
    const spentMs = Math.min(now - this.lastTick, IDLE_CAP_MS);
    this.lastTick = now;
    return { id: newId('o'), spentMs };
  }

  private push(op: SetOp): SetOp {
    const at = Date.now();
    this.pending.push({ op, at });
    this.publish(applyOp(this.snap.set!, op, at));
    const { db, docId, annotator } = this;
    this.queue.enqueue<Appended>({
      key: this.key,
      write: () => appendOp(db, docId, annotator, op, at, WRITER_ID, this.lastSeen),
      written: (result) => this.written(op, at, result),
    });
    return op;
  }

  private written(op: SetOp, at: number, result: Appended): void {
    const fresh = this.absorb(result.missed);
    if (result.seq > this.lastSeen) {
      // As stored: a label renamed since the edit was made has its new name.
      this.base = applyOp(this.base!, result.op, at);
      this.lastSeen = result.seq;
      this.unfolded++;
    }
    this.pending = this.pending.filter((p) => p.op.id !== op.id);
    this.publish(fresh || result.op !== op ? this.shownFromBase() : undefined);
    this.emitStored();
    announceSetChanges(this.db, [{ kind: 'ops', docId: this.docId, annotator: this.annotator, seq: result.seq }]);
    if (this.unfolded >= FOLD_AFTER) this.foldWhenIdle();
  }

  /** Applies stored operations not seen yet to `base`; true when there were any. */
  private absorb(rows: readonly OpRow[]): boolean {
    let fresh = false;
    for (const row of rows) {
      if (row.seq! <= this.lastSeen) continue;
      this.base = applyOp(this.base!, row.op, row.at);
      this.lastSeen = row.seq!;
      this.unfolded++;
      fresh = true;
      // Another window's undo history is its own; a reload merges them.
    }
    return fresh;
  }

  private shownFromBase(): AnnotationSet {
    return foldOps(this.base!, this.pending);
  }

  private onChange(change: SetChange): void {
    if (change.kind === 'project' || this.disposed) return;
    const everySet = change.kind === 'reset-all' || change.kind === 'labels';
    if (!everySet && (change.docId !== this.docId || change.annotator !== this.annotator)) return;
    // After a schema edit the log holds new label names: the undo history is rebuilt from it.
    const read = change.kind === 'ops' ? (change.seq > this.lastSeen ? () => this.catchUp() : null) : () => this.reload(change.kind === 'labels');
    if (!read) return;
    this.syncing = this.syncing.then(read).catch((error: unknown) => {
      // Shown by the view; the next change reads again.
      this.snap = { ...this.snap, loadError: `Could not read the latest changes of this document: ${error instanceof Error ? error.message : String(error)}` };
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** Reads the operations other windows appended since `lastSeen`. */
  private async catchUp(): Promise<void> {
    if (!this.base) return;
    if (this.lastSeen < this.prunedThrough) return this.reload();
    const rows = await opsAfter(this.db, this.docId, this.annotator, this.lastSeen);
    const storedIds = new Set(rows.map((r) => r.op.id));
    if (!this.absorb(rows)) return;
    // An edit of this window stored meanwhile is in `base` now, not pending any more.
    this.pending = this.pending.filter((p) => !storedIds.has(p.op.id));
    this.publish(this.shownFromBase());
    this.emitStored();
  }

  /** (Re)reads the set from disk and puts this window's unsaved edits back on top; `rebuildHistory` replays the undo history from the log. */
  private async reload(rebuildHistory = false): Promise<void> {
    try {
      const loaded = await loadSet(this.db, this.docId, this.annotator);
      const stored = new Set(loaded.log.map((r) => r.op.id));
      const firstLoad = this.base === null;
      this.base = loaded.set;
      this.lastSeen = loaded.lastSeq;
      this.prunedThrough = loaded.prunedThrough;
      this.unfolded = loaded.unfolded;
      this.pending = this.pending.filter((p) => !stored.has(p.op.id));
      if (firstLoad || rebuildHistory) this.history = SetHistory.replay([...loaded.log.map((r) => r.op), ...this.pending.map((p) => p.op)]);
      this.publish(this.shownFromBase());
      if (!firstLoad) this.emitStored();
      if (this.unfolded >= FOLD_AFTER) this.foldWhenIdle();
    } catch (error) {
      this.snap = { ...this.snap, loadError: `Could not load annotations: ${error instanceof Error ? error.message : String(error)}` };
      for (const listener of [...this.listeners]) listener();
      throw error;
    }
  }

  private emitStored(): void {
    const stored = this.base!;
    for (const listener of [...this.storedListeners]) listener(stored);
  }

  private publish(set?: AnnotationSet): void {
    this.snap = {
      set: set ?? this.snap.set,
      stored: this.base,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      unsaved: this.pending.length,
      loadError: null,
    };
    for (const listener of [...this.listeners]) listener();
  }
}

const sessions = new Map<SpanlightDb, Map<string, SetSession>>();

/**
 * The window's session of `annotator`'s set on `docId`, shared by every view of it and kept while
 * any view uses it or any of its edits is not stored (so leaving a document never drops an edit).
 */
export function openSetSession(db: SpanlightDb, docId: string, annotator: string, queue: SaveQueue = saveQueueOf(db)): SetSession {
  let byKey = sessions.get(db);
  if (!byKey) sessions.set(db, (byKey = new Map()));
  const key = JSON.stringify([docId, annotator]);
  let session = byKey.get(key);
  if (!session) byKey.set(key, (session = new SetSession(db, queue, docId, annotator)));
  session.refs++;
  return session;
}

/** A view stops using a session; it is closed once no view uses it and none of its edits waits. */
export function releaseSetSession(db: SpanlightDb, session: SetSession, queue: SaveQueue = saveQueueOf(db)): void {
  session.refs--;
  const close = () => {
    if (session.refs > 0) return;
    if (queue.pendingFor(session.key) > 0) {
      void queue.flushed().then(close);
      return;
    }
    const byKey = sessions.get(db);
    if (byKey?.get(session.key) === session) byKey.delete(session.key);
    session.dispose();
  };
  // A view re-mounted at once (React's strict mode, a new key) keeps the same session.
  setTimeout(close, 0);
}
