import { describe, expect, it } from 'vitest';
import type { AnnotationSet, Span } from '../../../core/model';
import { applyOp, foldOps, labelCounts, type SetOp, type TimedOp } from '../../../core/spans/ops';
import { SetHistory } from '../../../core/spans/history';

const span = (id: string, start: number, end: number, label = 'LOCATION'): Span => ({ id, start, end, label, source: 'manual', createdBy: 'alice', createdAt: 0 });
const empty: AnnotationSet = { docId: 'd', annotator: 'alice', spans: [], status: 'todo', timeSpentMs: 0, updatedAt: 0 };
let n = 0;
const stamp = () => ({ id: `op${n++}`, spentMs: 10 });
const timed = (ops: SetOp[]): TimedOp[] => ops.map((op, i) => ({ op, at: 1000 + i }));

describe('set operations', () => {
  it('fold the log into the set: spans by id, status, time spent, last change', () => {
    const a = span('a', 0, 4);
    const b = span('b', 6, 9);
    const ops: SetOp[] = [
      { id: '1', span: { before: null, after: b }, spentMs: 5 },
      { id: '2', span: { before: null, after: a }, status: { from: { status: 'todo' }, to: { status: 'in_progress' } }, spentMs: 5 },
      { id: '3', span: { before: a, after: { ...a, label: 'ACTOR' } }, spentMs: 5 },
      { id: '4', span: { before: b, after: null }, spentMs: 5 },
      { id: '5', status: { from: { status: 'in_progress' }, to: { status: 'flagged', note: 'why?' } }, spentMs: 0 },
    ];
    const set = foldOps(empty, timed(ops));
    expect(set.spans).toEqual([{ ...a, label: 'ACTOR' }]);
    expect(set).toMatchObject({ status: 'flagged', note: 'why?', timeSpentMs: 20, updatedAt: 1004 });
    const reopened = applyOp(set, { id: '6', status: { from: { status: 'flagged', note: 'why?' }, to: { status: 'done' } }, spentMs: 0 }, 2000);
    expect(reopened.note).toBeUndefined();
    expect(labelCounts(reopened.spans)).toEqual({ ACTOR: 1 });
  });

  it('two writers merge: creates of both stay, a relabel of a span deleted meanwhile does nothing, the last status wins', () => {
    const shared = span('s', 0, 4);
    const base = { ...empty, spans: [shared] };
    const fromA: SetOp[] = [
      { id: 'a1', span: { before: null, after: span('x', 10, 12) }, spentMs: 0 },
      { id: 'a2', span: { before: shared, after: { ...shared, label: 'ACTOR' } }, spentMs: 0 },
      { id: 'a3', status: { from: { status: 'todo' }, to: { status: 'done' } }, spentMs: 0 },
    ];
    const fromB: SetOp[] = [
      { id: 'b1', span: { before: null, after: span('y', 20, 22) }, spentMs: 0 },
      { id: 'b2', span: { before: shared, after: null }, spentMs: 0 },
      { id: 'b3', status: { from: { status: 'todo' }, to: { status: 'skipped' } }, spentMs: 0 },
    ];
    // Interleaved as they reached the log.
    const log = [fromB[0]!, fromA[0]!, fromB[1]!, fromA[1]!, fromA[2]!, fromB[2]!];
    const merged = foldOps(base, timed(log));
    expect(merged.spans.map((s) => s.id)).toEqual(['x', 'y']);
    expect(merged.status).toBe('skipped');
  });
});

describe('undo history from the log', () => {
  it('undoing an edit that reopened a Done document puts Done back; redo reopens it again', () => {
    const history = new SetHistory();
    let set: AnnotationSet = { ...empty, status: 'done' };
    const run = (op: SetOp | null) => {
      expect(op).not.toBeNull();
      set = applyOp(set, op!, 0);
    };
    run(history.edit({ before: null, after: span('k', 0, 4) }, { status: set.status }, stamp()));
    expect(set.status).toBe('in_progress');
    run(history.undo({ status: set.status }, stamp()));
    expect(set).toMatchObject({ status: 'done', spans: [] });
    run(history.redo({ status: set.status }, stamp()));
    expect(set.status).toBe('in_progress');
    expect(set.spans.map((s) => s.id)).toEqual(['k']);
  });

  it('an undo after the status changed since reopens rather than restoring an older status', () => {
    const history = new SetHistory();
    let set: AnnotationSet = empty;
    set = applyOp(set, history.edit({ before: null, after: span('k', 0, 4) }, { status: set.status }, stamp()), 0);
    set = { ...set, status: 'done' };
    set = applyOp(set, history.undo({ status: set.status }, stamp())!, 0);
    expect(set).toMatchObject({ status: 'in_progress', spans: [] });
  });

  it('survives a reload: replaying the log gives the same stacks, undo and redo included', () => {
    const live = new SetHistory();
    const log: SetOp[] = [];
    let set: AnnotationSet = empty;
    const run = (op: SetOp | null) => {
      log.push(op!);
      set = applyOp(set, op!, 0);
    };
    const a = span('a', 0, 4);
    run(live.edit({ before: null, after: a }, { status: set.status }, stamp()));
    run(live.edit({ before: a, after: { ...a, label: 'ACTOR' } }, { status: set.status }, stamp()));
    run(live.edit({ before: null, after: span('b', 6, 8) }, { status: set.status }, stamp()));
    run(live.undo({ status: set.status }, stamp()));
    run(live.undo({ status: set.status }, stamp()));
    run(live.redo({ status: set.status }, stamp()));
    // A status change between them is not an undo step.
    run({ id: 'st', status: { from: { status: set.status }, to: { status: set.status } }, spentMs: 0 });
    const reloaded = SetHistory.replay(log);
    let copy = set;
    const next = reloaded.undo({ status: copy.status }, stamp());
    copy = applyOp(copy, next!, 0);
    expect(copy.spans.map((s) => `${s.id}:${s.label}`)).toEqual(['a:LOCATION']);
    set = applyOp(set, live.undo({ status: set.status }, stamp())!, 0);
    expect(set.spans).toEqual(copy.spans);
    expect(reloaded.canRedo).toBe(true);
    expect(reloaded.canUndo).toBe(true);
  });

  it('an undo whose step was pruned from the log is ignored when replaying', () => {
    const history = SetHistory.replay([{ id: 'u', history: 'undo', of: 'gone', span: { before: span('g', 0, 1), after: null }, spentMs: 0 }]);
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(false);
  });
});
