import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../core/model';
import { parseBackup } from '../../core/backup/lines';
import { SCHEMA_VERSION, SpanlightDb } from '../../renderer/db/database';
import { ensureProject, getAnnotatorName, getSet, getTokens, listDocuments, switchAnnotator, type ProjectSeed } from '../../renderer/db/project-store';
import { storeImport } from '../../renderer/db/import-store';
import { SaveQueue } from '../../renderer/db/save-queue';
import { SetSession } from '../../renderer/db/set-session';
import { foldSet } from '../../renderer/db/set-log';
import { isFreshProfile, makeBackup, restoreBackup } from '../../renderer/backup/backup-db';
import { dumpDatabase } from './db-dump';

let n = 0;
const seed: ProjectSeed = {
  name: 'War reporting',
  labels: [{ name: 'LOCATION', color: '#56B4E9', key: '2', description: 'where' }],
  guidelines: '# Guidelines\nTag places.',
  settings: { snapToTokens: true, allowOverlaps: true },
  documents: [
    { text: 'Kiev [Ukraine] frappée 😀', meta: { source: 'a.txt', title: 'Kiev' }, sets: [] },
    { text: 'Odessa sous les drones', meta: { source: 'b.txt' }, sets: [] },
  ],
};
const span = (id: string, start: number, end: number, label = 'LOCATION'): Span => ({ id, start, end, label, source: 'manual', createdBy: 'ana', createdAt: 5 });

/** A profile with a bit of everything: project, documents with tokens, edits (folded and not), undo history, a flag, an import, preferences. */
async function richProfile(): Promise<SpanlightDb> {
  const db = new SpanlightDb(`backup-src-${n++}`);
  await ensureProject(db, seed);
  await switchAnnotator(db, 'ana');
  const [kiev, odessa] = await listDocuments(db);
  const queue = new SaveQueue(db);
  const session = new SetSession(db, queue, kiev!.id, 'ana');
  await session.loaded;
  session.apply({ before: null, after: span('k', 0, 4) });
  session.apply({ before: null, after: span('u', 6, 13) });
  session.undo();
  session.setStatus('flagged', 'Is Kiev a LOCATION here?');
  await queue.flushed();
  await foldSet(db, kiev!.id, 'ana');
  const other = new SetSession(db, queue, odessa!.id, 'ana');
  await other.loaded;
  other.apply({ before: null, after: span('o', 0, 6) });
  await queue.flushed();
  await storeImport(db, [{ file: 'bob.conll', annotator: 'bob', documents: [{ text: 'Lviv touchée', meta: {}, tokens: [{ start: 0, end: 4 }, { start: 5, end: 12 }], sets: [{ spans: [{ start: 0, end: 4, label: 'LOCATION', source: 'imported' }], status: 'done' }] }] }], { record: true });
  // Spans with every optional field: a model's score and verdict, a format's extras, a gold span's origin.
  await storeImport(db, [
    { file: 'model.jsonl', annotator: 'model:crf', documents: [{ text: 'Lviv touchée', meta: {}, sets: [{ spans: [{ start: 0, end: 4, label: 'LOCATION', source: 'suggested', score: 0.87, answer: 'accept', extra: { input_hash: 12, label_studio: { id: 'r1' } } }], status: 'done' }] }] },
    { file: 'gold.jsonl', annotator: 'gold', documents: [{ text: 'Lviv touchée', meta: {}, sets: [{ spans: [{ start: 0, end: 4, label: 'LOCATION', source: 'imported', origin: { annotators: ['bob', 'model:crf'], spanIds: ['s1', 's2'], resolution: 'agreed' } }], status: 'done' }] }] },
  ], { record: true });
  return db;
}

describe('backup and restore', () => {
  it('restoring into an empty profile gives back an identical database', async () => {
    const source = await richProfile();
    const backup = await makeBackup(source, 'spanlight test');
    const parsed = parseBackup(backup.content, SCHEMA_VERSION);
    expect(parsed.ok).toBe(true);
    const target = new SpanlightDb(`backup-dst-${n++}`);
    expect(await isFreshProfile(target)).toBe(true);
    await restoreBackup(target, (parsed as { ok: true; tables: Parameters<typeof restoreBackup>[1] }).tables);
    const [before, after] = [await dumpDatabase(source), await dumpDatabase(target)];
    expect(after).toEqual(before);
    expect(Object.keys(after)).toEqual(['verno', 'projects', 'documents', 'texts', 'annotationSets', 'prefs', 'heads', 'ops', 'imports']);
    // And it works as the original: tokens, undo history, the flag.
    const lviv = (await listDocuments(target)).find((d) => d.title === 'Lviv touchée')!;
    expect(await getTokens(target, lviv.id)).toEqual([{ start: 0, end: 4 }, { start: 5, end: 12 }]);
    const [kiev] = await listDocuments(target);
    const session = new SetSession(target, new SaveQueue(target), kiev!.id, 'ana');
    await session.loaded;
    expect(session.snapshot()).toMatchObject({ canUndo: true, canRedo: true, set: { status: 'flagged', note: 'Is Kiev a LOCATION here?' } });
    expect(backup.summary).toContain('3 document(s), 5 annotation set(s) of 4 annotator(s)');
  });

  it('refuses a damaged, cut, foreign or newer file with a clear message, before touching anything', async () => {
    const { content } = await makeBackup(await richProfile(), 'spanlight test');
    const lines = content.trimEnd().split('\n');
    const changed = content.replace('Tag places.', 'Tag people.');
    expect(parseBackup(changed, SCHEMA_VERSION)).toEqual({ ok: false, error: 'The checksum of the backup\'s projects does not match: the file was changed or damaged.' });
    expect(parseBackup(lines.slice(0, -3).join('\n'), SCHEMA_VERSION)).toMatchObject({ ok: false, error: expect.stringMatching(/cut short: it ends at line \d+ without its closing line/) });
    expect(parseBackup('{"text": "Kiev", "spans": []}\n', SCHEMA_VERSION)).toMatchObject({ ok: false, error: expect.stringContaining('not a Spanlight backup') });
    expect(parseBackup(content, SCHEMA_VERSION - 1)).toMatchObject({ ok: false, error: expect.stringContaining('newer database') });
    const badRow = [...lines];
    badRow[3] = badRow[3]!.replace(/"id":"[^"]+"/, '"id":""');
    expect(parseBackup(badRow.join('\n'), SCHEMA_VERSION)).toMatchObject({ ok: false, error: expect.stringMatching(/^line 4: a \w+ row is not valid \(.*id/) });
  });

  it('restoring into a profile with work never deletes it and adds what the backup has', async () => {
    const source = await richProfile();
    const { content } = await makeBackup(source, 'spanlight test');
    const target = new SpanlightDb(`backup-merge-${n++}`);
    await ensureProject(target, { ...seed, labels: [{ name: 'ACTOR', color: '#E69F00', key: '1', description: 'who' }] });
    await switchAnnotator(target, 'zed');
    const [kiev] = await listDocuments(target);
    const queue = new SaveQueue(target);
    const mine = new SetSession(target, queue, kiev!.id, 'ana');
    await mine.loaded;
    mine.apply({ before: null, after: span('mine', 15, 22, 'ACTOR') });
    await queue.flushed();
    const parsed = parseBackup(content, SCHEMA_VERSION);
    if (!parsed.ok) throw new Error(parsed.error);
    const outcome = await restoreBackup(target, parsed.tables);
    expect(outcome).toEqual({ mode: 'merged', labelsAdded: 1, documentsAdded: 1, setsAdded: 4, setsMerged: 1, spansAdded: 1, statusesTaken: 0 });
    expect((await getSet(target, kiev!.id, 'ana')).spans.map((s) => s.id).sort()).toEqual(['k', 'mine']);
    expect(await getAnnotatorName(target)).toBe('zed');
    expect((await listDocuments(target)).map((d) => d.title)).toEqual(['Kiev', 'Odessa sous les drones', 'Lviv touchée']);
  });
});
