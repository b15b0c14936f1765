/**
 * The undo/redo history of one annotation set, built from the operations of its log, so it survives
 * a reload: a new edit pushes a step, an undo operation moves the step it reverses onto the redo
 * stack, a redo moves it back. A step holds the span change and the status change the edit made,
 * so undoing an edit that reopened a Done document puts Done back.
 */
import { invertSpanEdit, type SpanEdit } from './edits.js';
import { sameStatus, type SetOp, type StatusChange, type StatusValue } from './ops.js';

/** What one edit changed: its span change and the status change that came with it. */
export interface HistoryStep {
  span?: SpanEdit;
  status?: StatusChange;
}

interface Entry {
  step: HistoryStep;
  /** Id of the operation that last applied the step (its edit, or its latest redo / undo). */
  opId: string;
}

/** How many steps can be undone. */
export const HISTORY_LIMIT = 200;

/**
 * The status a span edit leaves: it reopens a finished, skipped or untouched document ("done"
 * must mean the spans were checked as they are); a flagged document stays flagged.
 */
export function statusAfterSpanEdit(current: StatusValue): StatusValue {
  return current.status === 'flagged' || current.status === 'in_progress' ? current : { status: 'in_progress' };
}

function change(from: StatusValue, to: StatusValue): StatusChange | undefined {
  return sameStatus(from, to) ? undefined : { from, to };
}

/** What a new operation needs besides its content: a fresh id and the time spent since the last edit. */
export interface OpStamp {
  id: string;
  spentMs: number;
}

/** Undo and redo stacks of one set's edits. */
export class SetHistory {
  private readonly done: Entry[] = [];
  private readonly undone: Entry[] = [];

  /** The history a log leaves, its operations in log order (older ones may have been pruned). */
  static replay(ops: Iterable<SetOp>): SetHistory {
    const history = new SetHistory();
    for (const op of ops) history.observe(op);
    return history;
  }

  /** The operation of a new span edit on a set whose status is `current`; recorded. */
  edit(edit: SpanEdit, current: StatusValue, stamp: OpStamp): SetOp {
    const status = change(current, statusAfterSpanEdit(current));
    const op: SetOp = { ...stamp, span: edit, ...(status ? { status } : {}), history: 'do' };
    this.observe(op);
    return op;
  }

  /** The operation undoing the last step, or null when there is none; recorded. */
  undo(current: StatusValue, stamp: OpStamp): SetOp | null {
    return this.replayStep('undo', current, stamp);
  }

  /** The operation redoing the last undone step, or null; recorded. */
  redo(current: StatusValue, stamp: OpStamp): SetOp | null {
    return this.replayStep('redo', current, stamp);
  }

  /**
   * Undo reverses the top step of the undo stack, redo repeats the top of the redo stack. The
   * status the step changed goes back (or forward) when it is still what the step left; otherwise a
   * span change reopens the document, as any edit does.
   */
  private replayStep(kind: 'undo' | 'redo', current: StatusValue, stamp: OpStamp): SetOp | null {
    const stack = kind === 'undo' ? this.done : this.undone;
    const entry = stack[stack.length - 1];
    if (!entry) return null;
    const { step } = entry;
    const span = step.span ? (kind === 'undo' ? invertSpanEdit(step.span) : step.span) : undefined;
    const [left, target] = step.status ? (kind === 'undo' ? [step.status.to, step.status.from] : [step.status.from, step.status.to]) : [undefined, undefined];
    const status = left && target && sameStatus(current, left) ? change(current, target) : span ? change(current, statusAfterSpanEdit(current)) : undefined;
    const op: SetOp = { ...stamp, ...(span ? { span } : {}), ...(status ? { status } : {}), history: kind, of: entry.opId };
    this.observe(op);
    return op;
  }

  /** Takes an operation of the log into account (a new edit, an undo, a redo; others leave the history as it is). */
  observe(op: SetOp): void {
    if (op.history === 'do') {
      this.done.push({ step: { ...(op.span ? { span: op.span } : {}), ...(op.status ? { status: op.status } : {}) }, opId: op.id });
      if (this.done.length > HISTORY_LIMIT) this.done.shift();
      this.undone.length = 0;
    } else if (op.history === 'undo') {
      moveEntry(this.done, this.undone, op);
    } else if (op.history === 'redo') {
      moveEntry(this.undone, this.done, op);
    }
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

/** Moves the entry `op` names from one stack to the top of the other (nothing when it was pruned). */
function moveEntry(from: Entry[], to: Entry[], op: SetOp): void {
  for (let i = from.length - 1; i >= 0; i--) {
    if (from[i]!.opId !== op.of) continue;
    const [entry] = from.splice(i, 1);
    to.push({ step: entry!.step, opId: op.id });
    return;
  }
}
