import { describe, expect, it } from 'vitest';
import { batchesByRecord, goodRecords } from '../../../core/formats/skip-bad';
import type { ImportedDocument, Problem } from '../../../core/formats/types';

const doc = (text: string, at: { line?: number; record?: number }): ImportedDocument => ({ text, meta: {}, sets: [], ...at });
const error = (at: { line?: number; record?: number }): Problem => ({ severity: 'error', message: 'bad', ...at });

describe('skip bad records: one rule for the app and the CLI', () => {
  it('skips a record with an error whole and keeps the others, by record index or by line', () => {
    expect(goodRecords({ documents: [doc('a', { line: 1, record: 0 }), doc('b', { line: 1, record: 1 })], problems: [error({ line: 1, record: 1 })] })).toEqual({ documents: [doc('a', { line: 1, record: 0 })], badRecords: 1 });
    expect(goodRecords({ documents: [doc('a', { line: 1 }), doc('b', { line: 2 })], problems: [error({ line: 2 }), error({ line: 3 })] }).documents.map((d) => d.text)).toEqual(['a']);
    // One good document and an unusable line: the document stays.
    expect(goodRecords({ documents: [doc('a', { line: 1 })], problems: [error({ line: 2 })] })).toEqual({ documents: [doc('a', { line: 1 })], badRecords: 1 });
  });

  it('treats a lone document placed by neither line nor record (a brat pair) and its problems as one record', () => {
    const result = { documents: [doc('a', {})], problems: [error({ line: 4 })] };
    expect(batchesByRecord(result)).toEqual([result]);
    expect(goodRecords(result).documents).toEqual([]);
  });
});
