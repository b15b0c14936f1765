import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';
import { planImport, storeImport, type ImportSource } from '../../renderer/db/import-store';
import { describeUndoneImport, undoImport, undoableImports } from '../../renderer/db/import-undo';
import { getSet, getTokens, listDocuments, loadExportItems, saveSet, summariesByDocument } from '../../renderer/db/project-store';
import { appendOp } from '../../renderer/db/set-log';
import type { ImportedDocument } from '../../core/formats/types';

let db: SpanlightDb;
let n = 0;
beforeEach(() => {
  db = new SpanlightDb(`attribution-${n++}`);
});

const KIEV = 'Kiev [Ukraine] frappée';
const doc = (text: string, spans: [number, number, string][], annotator?: string, status?: 'done'): ImportedDocument => ({
  text,
  meta: { source: 'f' },
  sets: [{ annotator, ...(status ? { status } : {}), spans: spans.map(([start, end, label]) => ({ start, end, label, source: 'imported' as const })) }],
});

describe('imports keep authorship', () => {
  it('files that name no annotator go to the annotator chosen per file, never to the person importing; several colleagues import together', async () => {
    const sources: ImportSource[] = [
      { file: 'annotator-b.jsonl', documents: [doc(KIEV, [[0, 4, 'LOCATION']])], annotator: 'annotator-b' },
      { file: 'carol.conll', documents: [doc(KIEV, [[0, 4, 'LOCATION'], [6, 13, 'LOCATION']])], annotator: 'carol' },
      { file: 'named.jsonl', documents: [doc(KIEV, [[6, 13, 'ACTOR']], 'dave')], annotator: 'ignored-because-named' },
    ];
    const plan = await planImport(db, sources);
    const stored = await storeImport(db, sources, { record: true });
    expect(stored).toMatchObject({ ...plan, importId: expect.any(Number) });
    expect(plan.files.map((f) => [f.file, f.annotators, f.newDocuments, f.existingDocuments, f.newSpans])).toEqual([
      ['annotator-b.jsonl', ['annotator-b'], 1, 0, 1],
      ['carol.conll', ['carol'], 0, 1, 2],
      ['named.jsonl', ['dave'], 0, 1, 1],
    ]);
    const [kiev] = await listDocuments(db);
    const summaries = (await summariesByDocument(db)).get(kiev!.id)!;
    expect([...summaries.keys()].sort()).toEqual(['annotator-b', 'carol', 'dave']);
    expect(summaries.get('carol')).toMatchObject({ spans: 2, labels: { LOCATION: 2 } });
    expect((await getSet(db, kiev!.id, 'me')).spans).toEqual([]);
  });

  it('refuses a file whose annotations name no one and for which no one was chosen', async () => {
    await expect(storeImport(db, [{ file: 'doccano.jsonl', documents: [doc(KIEV, [[0, 4, 'LOCATION']])] }])).rejects.toThrow(/doccano\.jsonl names no annotator/);
    expect(await listDocuments(db)).toEqual([]);
  });

  it('preview and result agree, identical spans are skipped and counted, a done set keeps its status and is said to have spans', async () => {
    await storeImport(db, [{ file: 'a.jsonl', documents: [doc(KIEV, [[0, 4, 'LOCATION']], 'bob', 'done')] }]);
    const again: ImportSource[] = [{ file: 'b.jsonl', documents: [doc(KIEV, [[0, 4, 'LOCATION'], [6, 13, 'LOCATION'], [6, 13, 'LOCATION']], 'bob')] }];
    const plan = await planImport(db, again);
    expect(plan.files[0]).toMatchObject({ spans: 3, newSpans: 1, identicalSpans: 2, setsWithSpans: 1, doneSetsWithSpans: 1 });
    const result = await storeImport(db, again);
    expect(result).toEqual(plan);
    const [kiev] = await listDocuments(db);
    expect(await getSet(db, kiev!.id, 'bob')).toMatchObject({ status: 'done' });
  });

  it('"Undo import" removes exactly what it added: its documents, spans and statuses, and nothing done since', async () => {
    await storeImport(db, [{ file: 'mine.txt', documents: [{ text: 'Odessa', meta: {}, sets: [] }] }]);
    const [odessa] = await listDocuments(db);
    await saveSet(db, { docId: odessa!.id, annotator: 'me', spans: [{ id: 'm1', start: 0, end: 6, label: 'LOCATION', source: 'manual', createdBy: 'me', createdAt: 1 }], status: 'in_progress', timeSpentMs: 0, updatedAt: 1 });
    const stored = await storeImport(
      db,
      [
        { file: 'me-too.jsonl', documents: [doc('Odessa', [[0, 6, 'ACTOR']], 'me', 'done')] },
        { file: 'new.jsonl', documents: [doc(KIEV, [[0, 4, 'LOCATION'], [6, 13, 'LOCATION']], 'bob', 'done'), doc('Lviv', [[0, 4, 'LOCATION']], 'bob')] },
      ],
      { record: true },
    );
    const docs = await listDocuments(db);
    const kiev = docs.find((d) => d.title.startsWith('Kiev'))!;
    // Since the import, bob relabelled one imported span in Kiev.
    const bobKiev = await getSet(db, kiev.id, 'bob');
    const span = bobKiev.spans[1]!;
    await appendOp(db, kiev.id, 'bob', { id: 'r', span: { before: span, after: { ...span, label: 'ACTOR' } }, history: 'do', spentMs: 0 }, 5, 'w', 0);
    expect((await undoableImports(db)).map((i) => i.id)).toEqual([stored.importId]);
    const undone = await undoImport(db, stored.importId!);
    expect(undone).toEqual({ spansRemoved: 3, spansKept: 1, statusesRestored: 1, setsRemoved: 1, documentsRemoved: 1, documentsKept: 1 });
    expect(describeUndoneImport(undone)).toContain('removed 1 document and 3 spans');
    expect((await listDocuments(db)).map((d) => d.title).sort()).toEqual(['Kiev [Ukraine] frappée', 'Odessa']);
    const mine = await getSet(db, odessa!.id, 'me');
    expect(mine.spans.map((s) => s.id)).toEqual(['m1']);
    expect(mine.status).toBe('in_progress');
    expect((await getSet(db, kiev.id, 'bob')).spans.map((s) => s.label)).toEqual(['ACTOR']);
    await expect(undoImport(db, stored.importId!)).rejects.toThrow(/already undone/);
    expect(await undoableImports(db)).toEqual([]);
  });

  it('keeps the tokens a file brought with its text, and gives them to exports', async () => {
    const tokens = [{ start: 0, end: 4 }, { start: 5, end: 6 }, { start: 6, end: 13 }, { start: 13, end: 14 }, { start: 15, end: 22 }];
    await storeImport(db, [{ file: 't.conll', documents: [{ ...doc(KIEV, [[0, 4, 'LOCATION']], 'bob'), tokens }] }]);
    const [kiev] = await listDocuments(db);
    expect(await getTokens(db, kiev!.id)).toEqual(tokens);
    const items = await loadExportItems(db, { doneOnly: false, annotator: 'bob', fallbackAnnotator: 'bob' });
    expect(items[0]!.doc.tokens).toEqual(tokens);
  });
});
