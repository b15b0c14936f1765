import { describe, expect, it } from 'vitest';
import type { Span } from '../../../core/model';
import type { SetOp } from '../../../core/spans/ops';
import { labelProblems, newLabel, PALETTE } from '../../../renderer/db/label-schema';
import { renamedOp, withoutLive, withRename } from '../../../renderer/db/label-renames';

const label = (name: string, key: string, color = '#E69F00') => ({ name, key, color, description: '' });
const span = (id: string, label: string): Span => ({ id, start: 0, end: 3, label, source: 'manual', createdBy: 'a', createdAt: 1 });

describe('schema rules', () => {
  it('accepts a schema with unique names and keys', () => {
    expect(labelProblems([label('ACTOR', '1'), label('LOCATION', '2')])).toEqual([]);
  });

  it('says what is wrong: empty or duplicate names, "+", keys taken twice or by the workbench, no colour', () => {
    expect(labelProblems([label('', '1'), label('A', '1'), label('A', 'a'), label('B+C', 'N'), label('D', '?'), label('E', 'xy'), label('F', '5', 'red')])).toEqual([
      'A label needs a name.',
      'A label and A have the same key “1”.',
      'Two labels are named “A”.',
      '“B+C” contains “+”, which agreement figures use to join labels.',
      'B+C: the key “N” is taken by the workbench (N next, P previous, ? shortcuts).',
      'D: the key “?” is taken by the workbench (N next, P previous, ? shortcuts).',
      'E needs a key of one character.',
      'F needs a colour.',
    ]);
  });

  it('a new label takes the first free key and the first palette colour no label uses', () => {
    const labels = [label('A', '1', PALETTE[0]!.color), label('B', '3', PALETTE[1]!.color)];
    expect(newLabel(labels, 'C')).toEqual({ name: 'C', key: '2', color: PALETTE[2]!.color, description: '' });
  });
});

describe('names out of use', () => {
  it('chains renames, and a name back in the schema leaves the map', () => {
    let map = withRename({}, 'LOC', 'PLACE');
    map = withRename(map, 'PLACE', 'WHERE');
    expect(map).toEqual({ LOC: 'WHERE', PLACE: 'WHERE' });
    expect(withRename(map, 'WHERE', null)).toEqual({ LOC: null, PLACE: null, WHERE: null });
    expect(withoutLive(map, ['LOC'])).toEqual({ PLACE: 'WHERE' });
    expect(withRename({ LOC: 'PLACE' }, 'X', 'LOC')).toEqual({ X: 'LOC' });
  });

  it('rewrites an operation’s spans; a removed label turns a relabel into a create or a delete, and leaves an empty step out of the history', () => {
    const stamp = { id: 'o', spentMs: 5, history: 'do' as const };
    const rename = { LOC: 'PLACE' };
    const relabel: SetOp = { ...stamp, span: { before: span('s', 'ACTOR'), after: span('s', 'LOC') } };
    expect(renamedOp(relabel, rename).span).toEqual({ before: span('s', 'ACTOR'), after: span('s', 'PLACE') });
    const untouched: SetOp = { ...stamp, span: { before: null, after: span('s', 'ACTOR') } };
    expect(renamedOp(untouched, rename)).toBe(untouched);
    const removed = { LOC: null };
    expect(renamedOp(relabel, removed).span).toEqual({ before: span('s', 'ACTOR'), after: null });
    expect(renamedOp({ ...stamp, span: { before: span('s', 'LOC'), after: span('s', 'ACTOR') } }, removed).span).toEqual({ before: null, after: span('s', 'ACTOR') });
    expect(renamedOp({ ...stamp, span: { before: null, after: span('s', 'LOC') } }, removed)).toEqual({ id: 'o', spentMs: 5 });
    const withStatus: SetOp = { ...stamp, span: { before: null, after: span('s', 'LOC') }, status: { from: { status: 'done' }, to: { status: 'in_progress' } } };
    expect(renamedOp(withStatus, removed)).toEqual({ id: 'o', spentMs: 5, history: 'do', status: withStatus.status });
  });
});
