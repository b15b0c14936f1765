/** Adjudication decisions as undoable values: the dropped unit keys they add and take back. */
import { describe, expect, it } from 'vitest';
import { adjudicationUnits, resolveUnit } from '../../../core/adjudication/index';
import type { Span } from '../../../core/model';
import { ActionHistory, changeOf, droppedAfter } from '../../../renderer/lead/adjudicate/actions';

const span = (id: string, start: number, end: number, label: string): Span => ({ id, start, end, label, source: 'manual', createdBy: 'x', createdAt: 0 });
const factory = { newId: (() => { let n = 0; return () => `g${++n}`; })(), by: 'lea', now: 1 };

describe('adjudication actions', () => {
  const [unit] = adjudicationUnits({ docId: 'd', sets: [{ annotator: 'alice', spans: [span('a1', 6, 13, 'LOCATION')] }, { annotator: 'bob', spans: [] }], gold: [] });

  it('a drop records the unit key, and undoing it takes the key back', () => {
    const change = changeOf(unit!, resolveUnit(unit!, { kind: 'drop' }, factory), new Set());
    expect(change).toEqual({ docId: 'd', edits: [], dropped: { add: ['6-13'], remove: [] } });
    const after = droppedAfter(new Set(['0-4']), change);
    expect([...after].sort()).toEqual(['0-4', '6-13']);
    expect([...droppedAfter(after, change, true)]).toEqual(['0-4']);
  });

  it('taking a span where the unit had been dropped clears its key', () => {
    const change = changeOf(unit!, resolveUnit(unit!, { kind: 'take', annotator: 'alice' }, factory), new Set(['6-13']));
    expect(change.dropped).toEqual({ add: [], remove: ['6-13'] });
    expect(change.edits).toEqual([{ before: null, after: expect.objectContaining({ start: 6, end: 13, label: 'LOCATION', origin: { annotators: ['alice'], spanIds: ['a1'], resolution: 'chosen' } }) }]);
    expect([...droppedAfter(new Set(['6-13']), change)]).toEqual([]);
  });

  it('undo and redo move whole actions between the stacks; a new action clears redo', () => {
    const history = new ActionHistory();
    const a = { label: 'a', changes: [] };
    const b = { label: 'b', changes: [] };
    history.record(a);
    history.record(b);
    expect(history.undo()).toBe(b);
    expect(history.canRedo).toBe(true);
    expect(history.redo()).toBe(b);
    expect(history.undo()).toBe(b);
    history.record({ label: 'c', changes: [] });
    expect(history.canRedo).toBe(false);
    expect(history.undo()?.label).toBe('c');
    expect(history.undo()).toBe(a);
    expect(history.undo()).toBeNull();
    expect(history.canUndo).toBe(false);
  });
});
