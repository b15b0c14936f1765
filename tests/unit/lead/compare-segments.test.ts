/** The comparison's segments: one per stretch with the same spans in every lane. */
import { describe, expect, it } from 'vitest';
import { laneSegments, windowAround } from '../../../renderer/lead/adjudicate/compare-segments';

describe('laneSegments', () => {
  it('cuts at every boundary of every lane and says which labels each lane has over each piece', () => {
    // "Kiev [Ukraine]": alice has Kiev LOCATION and Ukraine LOCATION, bob Kiev [Ukraine] as one LOCATION.
    const alice = [
      { start: 0, end: 4, label: 'LOCATION' },
      { start: 6, end: 13, label: 'LOCATION' },
    ];
    const bob = [{ start: 0, end: 14, label: 'LOCATION' }];
    expect(laneSegments(0, 20, [alice, bob])).toEqual([
      { start: 0, end: 4, labels: [['LOCATION'], ['LOCATION']], starts: [true, true] },
      { start: 4, end: 6, labels: [[], ['LOCATION']], starts: [false, false] },
      { start: 6, end: 13, labels: [['LOCATION'], ['LOCATION']], starts: [true, false] },
      { start: 13, end: 14, labels: [[], ['LOCATION']], starts: [false, false] },
      { start: 14, end: 20, labels: [[], []], starts: [false, false] },
    ]);
  });

  it('lists each label once per lane where one annotator stacked two spans, and cuts at extra points', () => {
    const lane = [
      { start: 2, end: 8, label: 'ACTOR' },
      { start: 2, end: 8, label: 'LOCATION' },
      { start: 4, end: 6, label: 'ACTOR' },
    ];
    const segments = laneSegments(0, 10, [lane], [5]);
    expect(segments.map((s) => [s.start, s.end, s.labels[0]])).toEqual([
      [0, 2, []],
      [2, 4, ['ACTOR', 'LOCATION']],
      [4, 5, ['ACTOR', 'LOCATION']],
      [5, 6, ['ACTOR', 'LOCATION']],
      [6, 8, ['ACTOR', 'LOCATION']],
      [8, 10, []],
    ]);
  });

  it('keeps to its stretch: spans reaching past it are cut at its edges', () => {
    expect(laneSegments(10, 20, [[{ start: 5, end: 15, label: 'COUNT' }]])).toEqual([
      { start: 10, end: 15, labels: [['COUNT']], starts: [false] },
      { start: 15, end: 20, labels: [[]], starts: [false] },
    ]);
  });
});

describe('windowAround', () => {
  const paragraphs = Array.from({ length: 100 }, (_, i) => ({ start: i * 100, end: i * 100 + 99 }));
  it('takes whole paragraphs about `around` characters on each side of the place', () => {
    expect(windowAround(paragraphs, 5050, 5060, 1000)).toEqual({ first: 40, last: 60 });
  });
  it('stays inside the document at its edges', () => {
    expect(windowAround(paragraphs, 0, 4, 1000)).toEqual({ first: 0, last: 10 });
    expect(windowAround(paragraphs, 9950, 9990, 1000)).toEqual({ first: 89, last: 99 });
  });
});
