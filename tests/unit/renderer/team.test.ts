import { describe, expect, it } from 'vitest';
import type { SetSummary } from '../../../renderer/db/set-reads';
import { annotatedByEveryone, annotatorsInOrder, describeTeamFilter, disagreementFromCounts, labelCountsInOrder, notAdjudicated, teamOf } from '../../../renderer/documents/team';
import type { DocStatus } from '../../../core/model';

const s = (status: DocStatus, labels: Record<string, number> = {}): SetSummary => ({ status, labels, spans: Object.values(labels).reduce((a, b) => a + b, 0), updatedAt: 1 });
const doc = (entries: Record<string, SetSummary>) => new Map(Object.entries(entries));

describe('the team and its filters', () => {
  const corpus = new Map([
    ['d1', doc({ alice: s('done', { LOC: 2 }), bob: s('done', { LOC: 2 }), gold: s('done', { LOC: 2 }) })],
    ['d2', doc({ alice: s('done', { LOC: 1 }), 'model:crf': s('done', { LOC: 1 }) })],
    ['d3', doc({ carol: s('in_progress') })],
  ]);

  it('is every annotator with a set, except gold and models', () => {
    expect(teamOf(corpus)).toEqual(['alice', 'bob', 'carol']);
    expect(describeTeamFilter('everyone', ['alice', 'bob'])).toBe('Done by every annotator of the project (alice, bob); gold and models not counted.');
  });

  it('annotated by everyone means every member marked it done; nobody in the team means no document', () => {
    expect(annotatedByEveryone(corpus.get('d1'), ['alice', 'bob'])).toBe(true);
    expect(annotatedByEveryone(corpus.get('d1'), ['alice', 'bob', 'carol'])).toBe(false);
    expect(annotatedByEveryone(corpus.get('d3'), ['carol'])).toBe(false);
    expect(annotatedByEveryone(undefined, [])).toBe(false);
  });

  it('not adjudicated: no gold set marked done', () => {
    expect(notAdjudicated(corpus.get('d1'))).toBe(false);
    expect(notAdjudicated(doc({ gold: s('in_progress') }))).toBe(true);
    expect(notAdjudicated(undefined)).toBe(true);
  });

  it('counts settle a disagreement when they differ; equal counts need the spans; gold, models and unfinished sets are not compared', () => {
    expect(disagreementFromCounts(corpus.get('d1'))).toBe('check');
    expect(disagreementFromCounts(doc({ alice: s('done', { LOC: 2 }), bob: s('done', { LOC: 1, ACTOR: 1 }) }))).toBe('yes');
    expect(disagreementFromCounts(doc({ alice: s('done', { LOC: 2 }), bob: s('in_progress', { ACTOR: 1 }) }))).toBe('none');
    expect(disagreementFromCounts(doc({ alice: s('done', { LOC: 2 }), gold: s('done', {}), 'model:x': s('done', {}) }))).toBe('none');
  });

  it('lists you first, then the team, gold, models; label counts in the schema’s order, then the others', () => {
    expect(annotatorsInOrder(doc({ 'model:a': s('done'), gold: s('done'), zoe: s('todo'), me: s('todo'), bob: s('done') }), 'me')).toEqual(['me', 'bob', 'zoe', 'gold', 'model:a']);
    const labels = [{ name: 'WEAPON', color: '#111111', key: '1', description: '' }, { name: 'LOC', color: '#222222', key: '2', description: '' }];
    expect(labelCountsInOrder({ PER: 1, LOC: 2, WEAPON: 3, ORG: 4 }, labels)).toEqual([['WEAPON', 3, '#111111'], ['LOC', 2, '#222222'], ['ORG', 4, null], ['PER', 1, null]]);
  });
});
