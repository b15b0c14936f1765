/** The lead's corpus built from export items: the engine's input, titles, and who annotated what. */
import { describe, expect, it } from 'vitest';
import type { ExportItem } from '../../../core/formats/types';
import type { AnnotationSet, DocStatus } from '../../../core/model';
import { buildCorpus, defaultAnnotators } from '../../../renderer/lead/corpus';

const set = (docId: string, annotator: string, status: DocStatus, n = 1): AnnotationSet => ({
  docId,
  annotator,
  status,
  timeSpentMs: 0,
  updatedAt: 0,
  spans: Array.from({ length: n }, (_, i) => ({ id: `${annotator}${i}`, start: i, end: i + 1, label: 'ACTOR', source: 'manual' as const, createdBy: annotator, createdAt: 0, note: 'kept in the whole set' })),
});
const doc = (id: string, text: string) => ({ id, text, meta: { title: `Title ${id}` } });

describe('buildCorpus', () => {
  const items: ExportItem[] = [
    { doc: doc('d1', 'Kiev frappée'), set: set('d1', 'bob', 'done') },
    { doc: doc('d1', 'Kiev frappée'), set: set('d1', 'gold', 'in_progress') },
    { doc: doc('d1', 'Kiev frappée'), set: set('d1', 'alice', 'done', 2) },
    { doc: doc('d2', 'Odessa'), set: set('d2', '', 'todo', 0) },
    { doc: doc('d3', 'Lviv'), set: set('d3', 'model:ner', 'todo') },
  ];
  const corpus = buildCorpus(items, '');

  it('lists each document once, in order, with its length, text and title', () => {
    expect(corpus.documents.map((d) => [d.id, d.hash, d.length, d.name])).toEqual([
      ['d1', 'd1', 12, 'Title d1'],
      ['d2', 'd2', 6, 'Title d2'],
      ['d3', 'd3', 4, 'Title d3'],
    ]);
  });

  it('gives the engine every real set with its spans as start, end, label and id; the placeholder of an unannotated document is left out', () => {
    expect(corpus.sets.map((s) => [s.docId, s.annotator, s.status, s.spans.length])).toEqual([
      ['d1', 'bob', 'done', 1],
      ['d1', 'gold', 'in_progress', 1],
      ['d1', 'alice', 'done', 2],
      ['d3', 'model:ner', 'todo', 1],
    ]);
    expect(corpus.sets[0]!.spans[0]).toEqual({ id: 'bob0', start: 0, end: 1, label: 'ACTOR' });
    expect(corpus.setsByDoc.get('d1')!.get('alice')!.spans[0]!.note).toBe('kept in the whole set');
  });

  it('sorts annotators as people, gold, models, with their sets and finished sets', () => {
    expect(corpus.annotators).toEqual([
      { name: 'alice', kind: 'person', sets: 1, done: 1 },
      { name: 'bob', kind: 'person', sets: 1, done: 1 },
      { name: 'gold', kind: 'gold', sets: 1, done: 0 },
      { name: 'model:ner', kind: 'model', sets: 1, done: 0 },
    ]);
  });

  it('compares the people by default, or everyone with a counted set when fewer than two people have one', () => {
    expect(defaultAnnotators(corpus.annotators, false)).toEqual(['alice', 'bob']);
    const onePerson = corpus.annotators.filter((a) => a.name !== 'bob');
    expect(defaultAnnotators(onePerson, false)).toEqual(['alice']);
    expect(defaultAnnotators(onePerson, true)).toEqual(['alice', 'gold', 'model:ner']);
  });
});
