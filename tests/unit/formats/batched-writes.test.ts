import { describe, expect, it } from 'vitest';
import { BATCHABLE_FORMATS, writeFormat, writeFormatInBatches } from '../../../core/formats/dispatch.js';
import type { FormatId } from '../../../core/formats/index.js';
import { item } from './helpers.js';

// Seven documents with emoji, CRLF, overlaps (which CoNLL must report) and a span off token boundaries.
const items = Array.from({ length: 7 }, (_, i) =>
  item(`Frappe 🚀 n°${i} sur Kharkiv\r\n3 drones à Odesa`, [[10, 11, 'COUNT'], [16, 23, 'LOCATION'], [16, 20, 'ACTOR'], [26, 32, 'WEAPON']], i % 2 ? 'alice' : 'bob', `doc${i}`),
);

describe('writeFormatInBatches', () => {
  it.each([...BATCHABLE_FORMATS])('%s: the batches concatenate, file by file, to the whole output, with the same changes', (format: FormatId) => {
    const whole = writeFormat(format, items, { baseName: 'x' });
    const batches = [...writeFormatInBatches(format, items, { baseName: 'x' }, 3)];
    expect(batches).toHaveLength(3);
    const joined = new Map<string, string>();
    for (const batch of batches) for (const file of batch.files) joined.set(file.name, (joined.get(file.name) ?? '') + file.content);
    expect([...joined].map(([name, content]) => ({ name, content }))).toEqual(whole.files);
    // Per-annotator files list changes by annotator, batches by batch: the same changes, in another order.
    const key = (c: { docId: string; spanId: string }) => `${c.docId}/${c.spanId}`;
    const sorted = (list: typeof whole.changes) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(batches.flatMap((b) => b.changes))).toEqual(sorted(whole.changes));
    // CoNLL, per document: LOCATION and WEAPON snapped to its tokens, the overlapping ACTOR dropped; the others keep every span.
    expect(whole.changes.length).toBe(format === 'conll' ? 7 * 3 : 0);
  });

  it.each(['label-studio', 'huggingface', 'brat'] as FormatId[])('%s is written in one piece (its file is not a concatenation)', (format) => {
    const batches = [...writeFormatInBatches(format, items, { baseName: 'x' }, 3)];
    expect(batches).toEqual([writeFormat(format, items, { baseName: 'x' })]);
  });
});

describe('one file per annotator', () => {
  it('doccano and CoNLL, which cannot say who annotated a record, get one file per annotator', () => {
    const doccano = writeFormat('doccano', items, { baseName: 'x' });
    expect(doccano.files.map((f) => f.name)).toEqual(['x.bob.jsonl', 'x.alice.jsonl']);
    expect(doccano.files[1]!.content.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['doc1', 'doc3', 'doc5']);
    expect(writeFormat('conll', items, { baseName: 'x' }).files.map((f) => f.name)).toEqual(['x.bob.conll', 'x.alice.conll']);
  });

  it('brat names every pair after its annotator; one annotator keeps plain names', () => {
    const names = writeFormat('brat', items.slice(0, 2)).files.map((f) => f.name);
    expect(names.filter((n) => n.endsWith('.ann'))).toEqual([expect.stringMatching(/\.bob\.ann$/), expect.stringMatching(/\.alice\.ann$/)]);
    expect(writeFormat('doccano', items.filter((i) => i.set.annotator === 'alice'), { baseName: 'x' }).files.map((f) => f.name)).toEqual(['x.jsonl']);
  });

  it('annotators whose names make the same safe file name still get files of their own', () => {
    const named = (annotator: string, i: number) => ({ ...items[i]!, set: { ...items[i]!.set, annotator } });
    // Alice and alice differ only by case: one file on macOS and Windows unless told apart.
    const clashing = [named('model:crf', 0), named('model_crf', 1), named('Zoé', 2), named('Zoë', 3), named('Олена', 4), named('Ірина', 5), named('Alice', 6), named('alice', 0)];
    for (const format of ['doccano', 'conll'] as FormatId[]) {
      const files = writeFormat(format, clashing, { baseName: 'x' }).files;
      expect(files).toHaveLength(8);
      expect(new Set(files.map((f) => f.name.toLowerCase())).size).toBe(8);
      // Batches join by file name: still eight files, one per annotator.
      expect(new Set([...writeFormatInBatches(format, clashing, { baseName: 'x' }, 2)].flatMap((b) => b.files.map((f) => f.name.toLowerCase()))).size).toBe(8);
    }
    // A name that is already safe stays as it is.
    expect(writeFormat('doccano', clashing, { baseName: 'x' }).files[1]!.name).toBe('x.model_crf.jsonl');
    const brat = writeFormat('brat', [named('Zoé', 0), named('Zoë', 0)]).files.map((f) => f.name.toLowerCase());
    expect(new Set(brat).size).toBe(4);
  });

  it('Spanlight JSONL keeps every annotator in one file: its records carry _annotator_id', () => {
    expect(writeFormat('spanlight', items, { baseName: 'x' }).files.map((f) => f.name)).toEqual(['x.jsonl']);
  });
});
