import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';
import {
  ensureProject, getAnnotatorName, getSet, getText, importDocuments, listDocuments, loadExportItems, saveSet, renameAnnotator, switchAnnotator,
} from '../../renderer/db/project-store';
import type { ProjectSeed } from '../../renderer/db/project-store';

let db: SpanlightDb;
let n = 0;
const seed: ProjectSeed = {
  name: 'test',
  labels: [{ name: 'LOCATION', color: '#56B4E9', key: '2', description: 'where' }],
  guidelines: '# g',
  settings: { snapToTokens: true, allowOverlaps: true },
  documents: [
    { text: 'Kiev [Ukraine], frappes.\r\nSuite 😀.', meta: { source: 'a.txt' }, sets: [] },
    { text: 'Odessa', meta: { source: 'b.txt' }, sets: [] },
  ],
};

beforeEach(() => {
  db = new SpanlightDb(`test-${n++}`);
});

describe('project store', () => {
  it('creates the project once with its seed documents, text kept byte for byte', async () => {
    await ensureProject(db, seed);
    await ensureProject(db, seed);
    const docs = await listDocuments(db);
    expect(docs.map((d) => d.title)).toEqual(['Kiev [Ukraine], frappes.', 'Odessa']);
    expect(await getText(db, docs[0]!.id)).toBe('Kiev [Ukraine], frappes.\r\nSuite 😀.');
  });

  it('does not duplicate a document with the same text', async () => {
    await ensureProject(db, seed);
    const outcome = await importDocuments(db, [
      { text: 'Odessa', meta: {}, sets: [] },
      { text: 'Lviv', meta: {}, sets: [] },
      { text: 'Lviv', meta: {}, sets: [] },
    ]);
    expect(outcome).toEqual({ added: 1, duplicates: 2 });
    expect((await listDocuments(db)).map((d) => d.title)).toEqual(['Kiev [Ukraine], frappes.', 'Odessa', 'Lviv']);
  });

  it('renaming the annotator moves their sets and span authorship', async () => {
    await ensureProject(db, seed);
    await switchAnnotator(db, 'alice');
    const [doc] = await listDocuments(db);
    const set = await getSet(db, doc!.id, 'alice');
    await saveSet(db, { ...set, status: 'done', spans: [{ id: 's1', start: 0, end: 4, label: 'LOCATION', source: 'manual', createdBy: 'alice', createdAt: 1 }] });
    await renameAnnotator(db, 'Alice Martin');
    expect(await getAnnotatorName(db)).toBe('Alice Martin');
    const moved = await getSet(db, doc!.id, 'Alice Martin');
    expect(moved.spans[0]!.createdBy).toBe('Alice Martin');
    expect((await getSet(db, doc!.id, 'alice')).spans).toEqual([]);
    await expect(renameAnnotator(db, 'gold')).rejects.toThrow(/reserved/);
  });

  it('switching to another annotator leaves each one\'s annotations where they are; renaming onto a name with annotations is refused', async () => {
    await ensureProject(db, seed);
    await switchAnnotator(db, 'alice');
    const [doc] = await listDocuments(db);
    const span = { id: 's1', start: 0, end: 4, label: 'LOCATION', source: 'manual' as const, createdBy: 'alice', createdAt: 1 };
    await saveSet(db, { ...(await getSet(db, doc!.id, 'alice')), status: 'done', spans: [span] });
    await switchAnnotator(db, ' bob ');
    expect(await getAnnotatorName(db)).toBe('bob');
    expect((await getSet(db, doc!.id, 'bob')).spans).toEqual([]);
    expect((await getSet(db, doc!.id, 'alice')).spans).toEqual([span]);
    await saveSet(db, { ...(await getSet(db, doc!.id, 'bob')), spans: [{ ...span, id: 's2', createdBy: 'bob' }] });
    await expect(renameAnnotator(db, 'alice')).rejects.toThrow(/already has annotations/);
    expect(await getAnnotatorName(db)).toBe('bob');
    await expect(switchAnnotator(db, 'model:crf')).rejects.toThrow(/reserved/);
  });

  it('exports done documents only, or every document with empty sets for untouched ones', async () => {
    await ensureProject(db, seed);
    const [first] = await listDocuments(db);
    await saveSet(db, { ...(await getSet(db, first!.id, 'alice')), status: 'done' });
    const done = await loadExportItems(db, { doneOnly: true, annotator: 'alice', fallbackAnnotator: 'alice' });
    expect(done.map((i) => i.doc.id)).toEqual([first!.id]);
    const all = await loadExportItems(db, { doneOnly: false, annotator: null, fallbackAnnotator: 'alice' });
    expect(all).toHaveLength(2);
    expect(all[1]!.set.spans).toEqual([]);
  });
});
