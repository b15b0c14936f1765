import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AnnotationSet, Span } from '../../core/model';
import { SpanlightDb } from '../../renderer/db/database';
import { ensureProject, getProject, getSet, saveSet, summariesByDocument, type ProjectSeed } from '../../renderer/db/project-store';
import { SaveQueue } from '../../renderer/db/save-queue';
import { SetSession } from '../../renderer/db/set-session';
import { foldSet } from '../../renderer/db/set-log';
import { deleteLabel, labelUsage, renameLabel } from '../../renderer/db/label-rewrite';
import { addLabels, updateProject } from '../../renderer/db/project-schema';
import { storeImport } from '../../renderer/db/import-store';
import { undoImport } from '../../renderer/db/import-undo';

let n = 0;
const span = (id: string, start: number, label = 'LOCATION', end = start + 3): Span => ({ id, start, end, label, source: 'manual', createdBy: 'ann', createdAt: 1 });
const labelsOf = (set: AnnotationSet | { spans: readonly Span[] } | null | undefined) => (set?.spans ?? []).map((s) => `${s.id}:${s.label}`).sort();
const until = async (check: () => boolean | Promise<boolean>, ms = 1000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const SEED: ProjectSeed = {
  name: 'p',
  labels: [
    { name: 'ACTOR', color: '#E69F00', key: '1', description: '' },
    { name: 'LOCATION', color: '#56B4E9', key: '2', description: '' },
  ],
  guidelines: '',
  settings: { snapToTokens: true, allowOverlaps: true },
  documents: [],
};

/** A window on the profile: its own connection, save queue and session of one set. */
async function window(name: string, annotator = 'ann', beforeWrite?: () => Promise<void>) {
  const db = new SpanlightDb(name);
  const queue = new SaveQueue(db, beforeWrite ? { beforeWrite } : {});
  const session = new SetSession(db, queue, 'd1', annotator);
  await session.loaded;
  return { db, queue, session };
}

/** A profile where `ann` has a folded row with LOCATION spans, logged edits after it, and gold and a model have LOCATION spans too. */
async function profile() {
  const name = `labels-${n++}`;
  const db = new SpanlightDb(name);
  await ensureProject(db, SEED);
  await saveSet(db, { docId: 'd1', annotator: 'gold', spans: [span('g1', 0)], status: 'done', timeSpentMs: 0, updatedAt: 1 });
  await saveSet(db, { docId: 'd2', annotator: 'model:crf', spans: [span('m1', 0), span('m2', 9, 'ACTOR')], status: 'done', timeSpentMs: 0, updatedAt: 1 });
  const w = await window(name);
  w.session.apply({ before: null, after: span('folded', 0) });
  w.session.apply({ before: null, after: span('gone', 20) });
  await w.queue.flushed();
  expect(await foldSet(w.db, 'd1', 'ann')).toBe(true);
  // After the fold: a create, a relabel to LOCATION, and the delete of a LOCATION span (its undo would bring it back).
  w.session.apply({ before: null, after: span('logged', 10) });
  w.session.apply({ before: span('folded', 0), after: span('folded', 0, 'ACTOR') });
  w.session.apply({ before: span('folded', 0, 'ACTOR'), after: span('folded', 0) });
  w.session.apply({ before: span('gone', 20), after: null });
  await w.queue.flushed();
  return { name, db, w };
}

async function everyLabelStored(db: SpanlightDb): Promise<string[]> {
  const labels = new Set<string>();
  for (const row of await db.annotationSets.toArray()) for (const s of row.spans) labels.add(s.label);
  for (const row of await db.ops.toArray()) for (const s of [row.op.span?.before, row.op.span?.after]) if (s) labels.add(s.label);
  for (const head of await db.heads.toArray()) for (const l of Object.keys(head.labels)) labels.add(l);
  return [...labels].sort();
}

describe('renaming a label', () => {
  it('renames it in the schema, every annotator’s sets, their counts and the log, in one step', async () => {
    const { db, w } = await profile();
    expect(await labelUsage(db, 'LOCATION')).toEqual({ spans: 4, sets: 3, documents: 2, annotators: { ann: 2, gold: 1, 'model:crf': 1 } });
    const outcome = await renameLabel(db, 'LOCATION', 'PLACE');
    expect(outcome).toMatchObject({ spans: 4, sets: 3, documents: 2 });
    expect(outcome.operations).toBeGreaterThan(0);
    expect((await getProject(db))?.labels.map((l) => l.name)).toEqual(['ACTOR', 'PLACE']);
    expect(await everyLabelStored(db)).toEqual(['ACTOR', 'PLACE']);
    expect(labelsOf(await getSet(db, 'd1', 'ann'))).toEqual(['folded:PLACE', 'logged:PLACE']);
    expect(labelsOf(await getSet(db, 'd1', 'gold'))).toEqual(['g1:PLACE']);
    expect(labelsOf(await getSet(db, 'd2', 'model:crf'))).toEqual(['m1:PLACE', 'm2:ACTOR']);
    expect((await summariesByDocument(db)).get('d1')?.get('ann')?.labels).toEqual({ PLACE: 2 });
    // The open window reloads its set and its undo history from the rewritten log.
    await until(() => labelsOf(w.session.snapshot().set).join() === 'folded:PLACE,logged:PLACE');
    w.session.undo(); // the delete of "gone" is undone: it comes back under the new name
    expect(labelsOf(w.session.snapshot().set)).toContain('gone:PLACE');
    await w.queue.flushed();
    expect(await everyLabelStored(db)).toEqual(['ACTOR', 'PLACE']);
  });

  it('no span keeps the old name after a fold, undo and redo in a new window, or a reload', async () => {
    const { name, db } = await profile();
    await renameLabel(db, 'LOCATION', 'PLACE');
    expect(await foldSet(db, 'd1', 'ann')).toBe(true);
    expect(labelsOf(await db.annotationSets.get(['d1', 'ann']))).toEqual(['folded:PLACE', 'logged:PLACE']);
    // A new window (a reload): its undo history comes from the log.
    const reloaded = await window(name);
    for (let i = 0; i < 4; i++) reloaded.session.undo();
    expect(labelsOf(reloaded.session.snapshot().set)).toEqual(['folded:PLACE', 'gone:PLACE']);
    for (let i = 0; i < 4; i++) reloaded.session.redo();
    await reloaded.queue.flushed();
    expect(labelsOf(await getSet(reloaded.db, 'd1', 'ann'))).toEqual(['folded:PLACE', 'logged:PLACE']);
    expect(await everyLabelStored(reloaded.db)).toEqual(['ACTOR', 'PLACE']);
  });

  it('an edit another window made before the rename, stored after it, is stored under the new name', async () => {
    const { name, db } = await profile();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The other window's edit waits for its frame (or a retry) while the rename happens.
    const other = await window(name, 'bob', () => held);
    other.session.apply({ before: null, after: span('late', 30) });
    await renameLabel(db, 'LOCATION', 'PLACE');
    release();
    await other.queue.flushed();
    expect(labelsOf(await getSet(db, 'd1', 'bob'))).toEqual(['late:PLACE']);
    await until(() => labelsOf(other.session.snapshot().set).join() === 'late:PLACE');
    expect(await everyLabelStored(db)).toEqual(['ACTOR', 'PLACE']);
  });

  it('refuses a name the schema has, and a label it does not have', async () => {
    const { db } = await profile();
    await expect(renameLabel(db, 'LOCATION', 'ACTOR')).rejects.toThrow(/already has a label “ACTOR”/);
    await expect(renameLabel(db, 'WEAPON', 'ARM')).rejects.toThrow(/no label “WEAPON”/);
    await expect(renameLabel(db, 'LOCATION', 'A+B')).rejects.toThrow(/\+/);
    expect(await everyLabelStored(db)).toEqual(['ACTOR', 'LOCATION']);
  });

  it('a name taken out of use can come back as a new label; edits under it are then kept', async () => {
    const { db } = await profile();
    await renameLabel(db, 'LOCATION', 'PLACE');
    await addLabels(db, ['LOCATION']);
    const w = await window(db.name, 'carol');
    w.session.apply({ before: null, after: span('new', 40) });
    await w.queue.flushed();
    expect(labelsOf(await getSet(db, 'd1', 'carol'))).toEqual(['new:LOCATION']);
  });

  it('Undo import still recognises the spans it added after their label was renamed', async () => {
    const db = new SpanlightDb(`labels-${n++}`);
    await ensureProject(db, SEED);
    const text = 'Kiev frappée';
    const stored = await storeImport(db, [{ file: 'b.jsonl', annotator: 'bob', documents: [{ text, meta: {}, sets: [{ spans: [{ start: 0, end: 4, label: 'LOCATION', source: 'imported' }] }] }] }], { record: true });
    await renameLabel(db, 'LOCATION', 'PLACE');
    const undone = await undoImport(db, stored.importId!);
    expect(undone).toMatchObject({ spansRemoved: 1, spansKept: 0 });
  });
});

describe('deleting a label', () => {
  it('is refused while spans carry it, and says how many and whose', async () => {
    const { db } = await profile();
    await expect(deleteLabel(db, 'LOCATION')).rejects.toThrow('“LOCATION” is used by 4 spans in 2 documents (ann 2, gold 1, model:crf 1)');
    expect((await getProject(db))?.labels.map((l) => l.name)).toEqual(['ACTOR', 'LOCATION']);
  });

  it('relabels its spans to another label of the schema everywhere', async () => {
    const { db } = await profile();
    const outcome = await deleteLabel(db, 'LOCATION', { relabelTo: 'ACTOR' });
    expect(outcome.spans).toBe(4);
    expect((await getProject(db))?.labels.map((l) => l.name)).toEqual(['ACTOR']);
    expect(await everyLabelStored(db)).toEqual(['ACTOR']);
    expect((await summariesByDocument(db)).get('d2')?.get('model:crf')?.labels).toEqual({ ACTOR: 2 });
  });

  it('removes its spans: they stay gone after a fold, an undo or a reload', async () => {
    const { name, db, w } = await profile();
    await deleteLabel(db, 'LOCATION', 'remove');
    expect(await everyLabelStored(db)).toEqual(['ACTOR']);
    expect((await summariesByDocument(db)).get('d1')?.get('ann')).toMatchObject({ spans: 0, labels: {} });
    expect(labelsOf(await getSet(db, 'd2', 'model:crf'))).toEqual(['m2:ACTOR']);
    await until(() => w.session.snapshot().set?.spans.length === 0);
    await foldSet(db, 'd1', 'ann');
    const reloaded = await window(name);
    while (reloaded.session.snapshot().canUndo) reloaded.session.undo();
    await reloaded.queue.flushed();
    expect(labelsOf(await getSet(db, 'd1', 'ann'))).toEqual([]);
    expect(await everyLabelStored(db)).toEqual(['ACTOR']);
  });

  it('an unused label goes at once, with the edits that once named it', async () => {
    const db = new SpanlightDb(`labels-${n++}`);
    await ensureProject(db, SEED);
    const w = await window(db.name);
    w.session.apply({ before: null, after: span('x', 0, 'ACTOR') });
    w.session.undo();
    await w.queue.flushed();
    await deleteLabel(db, 'ACTOR');
    const reloaded = await window(db.name);
    reloaded.session.redo();
    await reloaded.queue.flushed();
    expect(await everyLabelStored(db)).toEqual([]);
  });
});

describe('editing the project row', () => {
  it('changes colours, keys and descriptions, and refuses a schema that breaks a rule or drops a label', async () => {
    const db = new SpanlightDb(`labels-${n++}`);
    await ensureProject(db, SEED);
    const [actor, location] = (await getProject(db))!.labels;
    await updateProject(db, { name: ' Renamed ', labels: [{ ...location!, color: '#009E73' }, actor!] });
    expect(await getProject(db)).toMatchObject({ name: 'Renamed', labels: [{ name: 'LOCATION', color: '#009E73' }, { name: 'ACTOR' }] });
    await expect(updateProject(db, { labels: [actor!] })).rejects.toThrow(/LOCATION would be lost/);
    await expect(updateProject(db, { labels: [actor!, { ...location!, key: '1' }] })).rejects.toThrow(/same key/);
    await expect(updateProject(db, { labels: [actor!, { ...location!, key: 'n' }] })).rejects.toThrow(/taken by the workbench/);
    await expect(updateProject(db, { name: '  ' })).rejects.toThrow(/needs a name/);
  });
});
