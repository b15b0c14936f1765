/** A gold span's origin (how it was adjudicated, from whose spans) goes out in Spanlight JSONL and comes back in. */
import { describe, expect, it } from 'vitest';
import { readSpanlightJsonl, writeSpanlightJsonl } from '../../../core/formats/spanlight-jsonl';
import type { ExportItem } from '../../../core/formats/types';
import type { Span } from '../../../core/model';

const text = 'Kiev frappée par 12 drones';
const span = (over: Partial<Span>): Span => ({ id: 'g1', start: 0, end: 4, label: 'LOCATION', source: 'manual', createdBy: 'lead', createdAt: 1, ...over });
const item = (spans: Span[]): ExportItem => ({ doc: { id: 'd1', text, meta: {} }, set: { docId: 'd1', annotator: 'gold', spans, status: 'done', timeSpentMs: 0, updatedAt: 1 } });

describe('span origin in Spanlight JSONL', () => {
  it('writes each gold span with its resolution, annotators and their span ids, and reads them back', () => {
    const chosen = span({ origin: { resolution: 'chosen', annotators: ['alice', 'bob'], spanIds: ['a1', 'b7'] } });
    const edited = span({ id: 'g2', start: 17, end: 19, label: 'COUNT', origin: { resolution: 'edited', annotators: [], spanIds: [] } });
    const plain = span({ id: 'g3', start: 20, end: 26, label: 'WEAPON' });
    const { output } = writeSpanlightJsonl([item([chosen, edited, plain])]);
    const record = JSON.parse(output) as { spans: { label: string; origin?: unknown }[] };
    expect(record.spans.map((s) => [s.label, s.origin])).toEqual([
      ['LOCATION', { resolution: 'chosen', annotators: ['alice', 'bob'], span_ids: ['a1', 'b7'] }],
      ['COUNT', { resolution: 'edited', annotators: [], span_ids: [] }],
      ['WEAPON', undefined],
    ]);
    const read = readSpanlightJsonl(output);
    expect(read.problems).toEqual([]);
    expect(read.documents[0]!.sets[0]!.spans.map((s) => s.origin)).toEqual([chosen.origin, edited.origin, undefined]);
  });

  it('warns about an origin it cannot read and keeps it as it came (written back unchanged), with the span', () => {
    const line = JSON.stringify({ text, spans: [{ start: 0, end: 4, label: 'LOCATION', text: 'Kiev', origin: { resolution: 'guessed', annotators: [], span_ids: [] } }] });
    const read = readSpanlightJsonl(`${line}\n`, { fileName: 'gold.jsonl' });
    const odd = { resolution: 'guessed', annotators: [], span_ids: [] };
    expect(read.documents[0]!.sets[0]!.spans).toEqual([{ start: 0, end: 4, label: 'LOCATION', source: 'imported', extra: { origin: odd } }]);
    expect(read.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 1, message: expect.stringContaining('"origin.resolution" must be one of agreed, chosen, both, edited') })]);
  });
});
