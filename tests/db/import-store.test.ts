import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';
import { importAnnotated } from '../../renderer/db/import-store';
import { getSet, listDocuments, saveSet } from '../../renderer/db/project-store';
import type { ImportedDocument } from '../../core/formats/types';

let db: SpanlightDb;
let n = 0;
beforeEach(() => {
  db = new SpanlightDb(`import-${n++}`);
});

const kiev = (annotator: string | undefined, spans: [number, number, string][]): ImportedDocument => ({
  text: 'Kiev [Ukraine] 😀 frappée',
  meta: { source: 'k.jsonl' },
  sets: [{ annotator, spans: spans.map(([start, end, label]) => ({ start, end, label, source: 'imported' as const })) }],
});

describe('importAnnotated', () => {
  it('attaches sets to an already stored document by text hash and merges without losing stored spans', async () => {
    await importAnnotated(db, [kiev('ann1', [[0, 4, 'LOCATION']])], { defaultAnnotator: 'me' });
    const [doc] = await listDocuments(db);
    const before = await getSet(db, doc!.id, 'ann1');
    await saveSet(db, { ...before, status: 'done' });
    const outcome = await importAnnotated(db, [kiev('ann1', [[0, 4, 'LOCATION'], [6, 13, 'LOCATION']])], { defaultAnnotator: 'me' });
    expect(outcome).toEqual({ added: 0, duplicates: 1, sets: 1, spans: 1, identical: 1 });
    const after = await getSet(db, doc!.id, 'ann1');
    expect(after.spans.map((s) => [s.start, s.end, s.label, s.createdBy, s.source])).toEqual([
      [0, 4, 'LOCATION', 'ann1', 'imported'],
      [6, 13, 'LOCATION', 'ann1', 'imported'],
    ]);
    expect(after.status).toBe('done');
    expect(await listDocuments(db)).toHaveLength(1);
  });

  it('gives unnamed sets to the default annotator, or every set to a forced one', async () => {
    await importAnnotated(db, [kiev(undefined, [[0, 4, 'LOCATION']])], { defaultAnnotator: 'me' });
    const [doc] = await listDocuments(db);
    expect((await getSet(db, doc!.id, 'me')).spans).toHaveLength(1);
    await importAnnotated(db, [kiev('model:x', [[6, 13, 'LOCATION']])], { defaultAnnotator: 'me', forceAnnotator: 'gold' });
    expect((await getSet(db, doc!.id, 'gold')).spans.map((s) => s.start)).toEqual([6]);
    expect((await getSet(db, doc!.id, 'model:x')).spans).toEqual([]);
  });

  it('stores nothing when the transaction fails', async () => {
    const bad = { text: 'ok', meta: {}, sets: [{ annotator: 'a', spans: [{ start: 0, end: 2, label: 'X', source: 'imported' as const }] }] } as ImportedDocument;
    // A meta that IndexedDB cannot clone makes the write fail midway.
    const unclonable = { text: 'other', meta: { f: () => 1 } as unknown as ImportedDocument['meta'], sets: [] };
    await expect(importAnnotated(db, [bad, unclonable], { defaultAnnotator: 'me' })).rejects.toThrow();
    expect(await listDocuments(db)).toEqual([]);
    expect(await db.annotationSets.count()).toBe(0);
  });
});
