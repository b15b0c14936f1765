import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';
import {
  ensureProject, getAnnotatorName, getSet, getText, importDocuments, listDocuments, loadExportItems, saveSet, setAnnotatorName,
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
    await setAnnotatorName(db, 'alice');
    const [doc] = await listDocuments(db);
    const set = await getSet(db, doc!.id, 'alice');
    await saveSet(db, { ...set, status: 'done', spans: [{ id: 's1', start: 0, end: 4, label: 'LOCATION', source: 'manual', createdBy: 'alice', createdAt: 1 }] });
    await setAnnotatorName(db, 'Alice Martin');
    expect(await getAnnotatorName(db)).toBe('Alice Martin');
    const moved = await getSet(db, doc!.id, 'Alice Martin');
    expect(moved.spans[0]!.createdBy).toBe('Alice Martin');
    expect((await getSet(db, doc!.id, 'alice')).spans).toEqual([]);
    await expect(setAnnotatorName(db, 'gold')).rejects.toThrow(/reserved/);
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
