import { describe, expect, it } from 'vitest';
import { BATCHABLE_FORMATS, writeFormat, writeFormatInBatches } from '../../../core/formats/dispatch.js';
import type { FormatId } from '../../../core/formats/index.js';
import { item } from './helpers.js';

// Seven documents with emoji, CRLF, overlaps (which CoNLL must report) and a span off token boundaries.
const items = Array.from({ length: 7 }, (_, i) =>
  item(`Frappe 🚀 n°${i} sur Kharkiv\r\n3 drones à Odesa`, [[10, 11, 'COUNT'], [16, 23, 'LOCATION'], [16, 20, 'ACTOR'], [26, 32, 'WEAPON']], i % 2 ? 'alice' : 'bob', `doc${i}`),
);

describe('writeFormatInBatches', () => {
  it.each([...BATCHABLE_FORMATS])('%s: the batches concatenate to the whole file, with the same changes', (format: FormatId) => {
    const whole = writeFormat(format, items, { baseName: 'x' });
    const batches = [...writeFormatInBatches(format, items, { baseName: 'x' }, 3)];
    expect(batches).toHaveLength(3);
    expect(batches.every((b) => b.files.map((f) => f.name).join() === whole.files.map((f) => f.name).join())).toBe(true);
    whole.files.forEach((file, i) => expect(batches.map((b) => b.files[i]!.content).join('')).toBe(file.content));
    expect(batches.flatMap((b) => b.changes)).toEqual(whole.changes);
  });

  it.each(['label-studio', 'huggingface', 'brat'] as FormatId[])('%s is written in one piece (its file is not a concatenation)', (format) => {
    const batches = [...writeFormatInBatches(format, items, { baseName: 'x' }, 3)];
    expect(batches).toEqual([writeFormat(format, items, { baseName: 'x' })]);
  });
});
