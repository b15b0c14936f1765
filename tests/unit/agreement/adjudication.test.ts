import { describe, expect, it } from 'vitest';
import { acceptAgreed, adjudicationQueue, adjudicationUnits, boundaryChoices, labelChoices, nextEntry, resolveUnit } from '../../../core/adjudication';
import { applySpanEdit } from '../../../core/spans/edits';
import type { Span } from '../../../core/model';

const TEXT = 'Les forces russes ont frappé Kiev avec 12 drones.';

function span(id: string, words: string, label: string, by: string): Span {
  const start = TEXT.indexOf(words);
  return { id, start, end: start + words.length, label, source: 'manual', createdBy: by, createdAt: 0 };
}

const alice = [span('a1', 'Les forces russes', 'ACTOR', 'alice'), span('a2', 'Kiev', 'LOCATION', 'alice'), span('a3', '12', 'COUNT', 'alice'), span('a4', 'drones', 'WEAPON', 'alice')];
const bob = [span('b1', 'forces russes', 'ACTOR', 'bob'), span('b2', 'Kiev', 'LOCATION', 'bob'), span('b3', '12', 'WEAPON', 'bob')];
const sets = [{ annotator: 'alice', spans: alice }, { annotator: 'bob', spans: bob }];

let n = 0;
const factory = { newId: () => `g${++n}`, by: 'lead', now: 42 };
const text = (s: { start: number; end: number }) => TEXT.slice(s.start, s.end);

describe('adjudication units', () => {
  it('groups overlapping spans of different annotators into units, agreed or disputed', () => {
    const units = adjudicationUnits({ docId: 'd', sets, gold: [] });
    expect(units.map((u) => [text(u), u.kind, u.agreed, u.resolved])).toEqual([
      ['Les forces russes', 'boundaries', false, false],
      ['Kiev', 'agreed', true, false],
      ['12', 'label', false, false],
      ['drones', 'missing', false, false],
    ]);
    expect(boundaryChoices(units[0]!)).toEqual([{ start: 0, end: 17, annotators: ['alice'] }, { start: 4, end: 17, annotators: ['bob'] }]);
    expect(labelChoices(units[2]!)).toEqual([{ label: 'COUNT', annotators: ['alice'] }, { label: 'WEAPON', annotators: ['bob'] }]);
  });

  it('counts a unit resolved when gold covers it or its key was recorded as dropped', () => {
    const gold = [{ ...span('g0', 'Kiev', 'LOCATION', 'lead') }];
    const units = adjudicationUnits({ docId: 'd', sets, gold, resolvedKeys: new Set(['42-48']) });
    expect(units.map((u) => u.resolved)).toEqual([false, true, false, true]);
  });
});

describe('resolving a unit', () => {
  const units = adjudicationUnits({ docId: 'd', sets, gold: [] });

  it("takes one annotator's spans, recording whose they were", () => {
    const r = resolveUnit(units[0]!, { kind: 'take', annotator: 'bob' }, factory);
    expect(r.spans.map((s) => [text(s), s.label, s.origin])).toEqual([['forces russes', 'ACTOR', { annotators: ['bob'], spanIds: ['b1'], resolution: 'chosen' }]]);
    expect(r.spans[0]).toMatchObject({ createdBy: 'lead', createdAt: 42, source: 'manual' });
    expect(r.edits).toEqual([{ before: null, after: r.spans[0] }]);
  });

  it('takes every distinct span with "both"', () => {
    const r = resolveUnit(units[2]!, { kind: 'all' }, factory);
    expect(r.spans.map((s) => [s.label, s.origin!.annotators, s.origin!.resolution])).toEqual([['COUNT', ['alice'], 'both'], ['WEAPON', ['bob'], 'both']]);
  });

  it('drops a unit, leaving no gold span and saying so', () => {
    const r = resolveUnit(units[3]!, { kind: 'drop' }, factory);
    expect(r).toMatchObject({ spans: [], edits: [], dropped: true, key: '42-48' });
  });

  it("edits by hand: one annotator's boundaries with the other's label", () => {
    const r = resolveUnit(units[0]!, { kind: 'edit', start: 4, end: 17, label: 'ACTOR' }, factory);
    expect(r.spans[0]!.origin).toEqual({ annotators: ['alice', 'bob'], spanIds: ['a1', 'b1'], resolution: 'edited' });
    expect(() => resolveUnit(units[0]!, { kind: 'edit', start: 5, end: 5, label: 'ACTOR' }, factory)).toThrow(/start < end/);
  });

  it('accepts an agreed unit, crediting every annotator, and refuses to accept a disputed one', () => {
    const r = resolveUnit(units[1]!, { kind: 'agreed' }, factory);
    expect(r.spans.map((s) => [text(s), s.origin])).toEqual([['Kiev', { annotators: ['alice', 'bob'], spanIds: ['a2', 'b2'], resolution: 'agreed' }]]);
    expect(() => resolveUnit(units[0]!, { kind: 'agreed' }, factory)).toThrow(/disputed/);
  });

  it('replaces the gold spans a unit already had, as edits that can be applied and undone', () => {
    const first = resolveUnit(units[2]!, { kind: 'take', annotator: 'alice' }, factory);
    let gold = first.edits.reduce(applySpanEdit, [] as Span[]);
    const again = adjudicationUnits({ docId: 'd', sets, gold });
    const second = resolveUnit(again[2]!, { kind: 'take', annotator: 'bob' }, factory);
    gold = second.edits.reduce(applySpanEdit, gold);
    expect(gold.map((s) => [text(s), s.label])).toEqual([['12', 'WEAPON']]);
    expect(second.edits[0]).toEqual({ before: first.spans[0], after: null });
  });

  it('accepts every agreed unit of a document at once', () => {
    const done = acceptAgreed(units, factory);
    expect(done.flatMap((r) => r.spans.map(text))).toEqual(['Kiev']);
    const after = adjudicationUnits({ docId: 'd', sets, gold: done.flatMap((r) => r.spans) });
    expect(acceptAgreed(after, factory)).toEqual([]);
  });
});

describe('the queue across documents', () => {
  const other = 'Des missiles ont visé Odessa.';
  const o = (id: string, label: string): Span => ({ id, start: 22, end: 28, label, source: 'manual', createdBy: 'x', createdAt: 0 });
  const docs = [
    { docId: 'quiet', units: adjudicationUnits({ docId: 'quiet', sets: [{ annotator: 'alice', spans: [o('x1', 'LOCATION')] }, { annotator: 'bob', spans: [o('y1', 'ACTOR')] }], gold: [] }) },
    { docId: 'busy', units: adjudicationUnits({ docId: 'busy', sets, gold: [] }) },
  ];

  it('puts the most disputed document first and counts the units left', () => {
    expect(other.slice(22, 28)).toBe('Odessa');
    const queue = adjudicationQueue(docs);
    expect(queue.entries.map((e) => [e.docId, e.key])).toEqual([['busy', '0-17'], ['busy', '39-41'], ['busy', '42-48'], ['quiet', '22-28']]);
    expect([queue.left, queue.total, queue.agreedPending]).toEqual([4, 4, 1]);
    expect(queue.documents).toEqual([{ docId: 'busy', left: 3, total: 3 }, { docId: 'quiet', left: 1, total: 1 }]);
  });

  it('walks to the next and previous unresolved unit across documents', () => {
    const resolvedMiddle = [
      docs[0]!,
      { docId: 'busy', units: adjudicationUnits({ docId: 'busy', sets, gold: [], resolvedKeys: new Set(['39-41']) }) },
    ];
    const queue = adjudicationQueue(resolvedMiddle);
    expect(queue.left).toBe(3);
    expect(nextEntry(queue, null, 1)!.key).toBe('0-17');
    expect(nextEntry(queue, { docId: 'busy', key: '0-17' }, 1)!.key).toBe('42-48');
    expect(nextEntry(queue, { docId: 'busy', key: '42-48' }, 1)!.docId).toBe('quiet');
    expect(nextEntry(queue, { docId: 'quiet', key: '22-28' }, 1)).toBeNull();
    expect(nextEntry(queue, { docId: 'busy', key: '42-48' }, -1)!.key).toBe('0-17');
    expect(nextEntry(queue, null, -1)!.docId).toBe('quiet');
  });
});
