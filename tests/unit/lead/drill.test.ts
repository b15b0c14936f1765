/** The spans behind a figure: which pairings a confusion cell, a label row and a pair's cell open. */
import { describe, expect, it } from 'vitest';
import { pairDetails } from '../../../core/agreement/index';
import { confusionCell, drillRows, labelPairings, pairDisagreements, rowRange } from '../../../renderer/lead/shared/drill';

const text = 'Kiev [Ukraine], la Russie et deux drones';
const at = (needle: string, label: string, id: string) => ({ id, start: text.indexOf(needle), end: text.indexOf(needle) + needle.length, label });
const details = pairDetails(
  {
    documents: [{ id: 'd', hash: 'h', length: text.length, text }],
    sets: [
      { docId: 'd', annotator: 'alice', status: 'done', spans: [at('Kiev', 'LOCATION', 'a1'), at('Ukraine', 'LOCATION', 'a2'), at('la Russie', 'ACTOR', 'a3'), at('deux', 'COUNT', 'a4')] },
      { docId: 'd', annotator: 'bob', status: 'done', spans: [at('Kiev', 'LOCATION', 'b1'), at('Russie', 'ACTOR', 'b2'), at('deux', 'ACTOR', 'b3')] },
    ],
  },
  { a: 'alice', b: 'bob' },
);

describe('drill-down rows', () => {
  it('a confusion cell opens the boundary pairings with that row and column label (none: nothing there)', () => {
    expect(confusionCell(details.boundaries, 'COUNT', 'ACTOR').map((p) => [p.a?.id, p.b?.id])).toEqual([['a4', 'b3']]);
    expect(confusionCell(details.boundaries, 'none', 'ACTOR').map((p) => [p.a, p.b?.id])).toEqual([[null, 'b2']]);
    expect(confusionCell(details.boundaries, 'LOCATION', 'none').map((p) => p.a?.id)).toEqual(['a2']);
  });

  it('a pair opens what lowered its exact F1: every boundary pairing but the identical ones', () => {
    const rows = drillRows(pairDisagreements(details.boundaries), 'alice', 'bob');
    expect(rows.map((r) => [r.a.span?.id ?? null, r.b.span?.id ?? null])).toEqual(expect.arrayContaining([['a2', null], ['a3', null], ['a4', 'b3'], [null, 'b2']]));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => !r.same)).toBe(true);
  });

  it('a label row opens its overlap pairings, unmatched spans first, then the matches', () => {
    const rows = drillRows(labelPairings(details.overlap, 'ACTOR'), 'alice', 'bob');
    expect(rows.map((r) => [r.a.span?.id ?? null, r.b.span?.id ?? null, r.same])).toEqual([
      [null, 'b3', false],
      ['a3', 'b2', false],
    ]);
    expect(rowRange(rows[1]!)).toEqual({ start: text.indexOf('la Russie'), end: text.indexOf('la Russie') + 'la Russie'.length });
  });
});
