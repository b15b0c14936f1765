import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../core/model';
import { SpanlightDb } from '../../renderer/db/database';
import { saveSet, statusesFor, getSet } from '../../renderer/db/project-store';
import { SaveQueue } from '../../renderer/db/save-queue';
import { SetSession } from '../../renderer/db/set-session';
import { foldSet, OPS_KEPT } from '../../renderer/db/set-log';

let n = 0;
const span = (id: string, start: number, end = start + 3, label = 'LOCATION'): Span => ({ id, start, end, label, source: 'manual', createdBy: 'ann', createdAt: 1 });

/** A window: its own connection, save queue and session of one set. */
async function window(name: string, docId = 'd1') {
  const db = new SpanlightDb(name);
  const queue = new SaveQueue(db);
  const session = new SetSession(db, queue, docId, 'ann');
  await session.loaded;
  return { db, queue, session };
}

const ids = (spans: readonly Span[] | undefined) => (spans ?? []).map((s) => s.id).sort();
const until = async (check: () => boolean | Promise<boolean>, ms = 1000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('edits as operations', () => {
  it('one edit writes the same small rows on a 10-span and a 10,000-span set', async () => {
    const sizes: number[] = [];
    for (const count of [10, 10_000]) {
      const name = `cost-${n++}`;
      const seedDb = new SpanlightDb(name);
      await saveSet(seedDb, { docId: 'd1', annotator: 'ann', spans: Array.from({ length: count }, (_, i) => span(`s${i}`, i * 5)), status: 'in_progress', timeSpentMs: 0, updatedAt: 1 });
      const { db, queue, session } = await window(name);
      const written: unknown[] = [];
      // Record what the edit hands to IndexedDB.
      for (const table of [db.ops, db.heads, db.annotationSets]) {
        table.hook('creating', (_key, value) => void written.push(value));
        table.hook('updating', (_mods, _key, value) => void written.push(value));
      }
      session.apply({ before: null, after: span('new', 3) });
      await queue.flushed();
      expect(written).toHaveLength(2); // the operation and the head, never the set row
      sizes.push(JSON.stringify(written).length);
      expect((await statusesFor(db, 'ann')).get('d1')?.spans).toBe(count + 1);
    }
    expect(Math.abs(sizes[1]! - sizes[0]!)).toBeLessThan(64);
  });

  it('undo history survives a reload, and undoing an edit in a Done document puts Done back', async () => {
    const name = `history-${n++}`;
    const first = await window(name);
    first.session.setStatus('done');
    first.session.apply({ before: null, after: span('a', 0) });
    expect(first.session.snapshot().set?.status).toBe('in_progress');
    first.session.apply({ before: null, after: span('b', 10) });
    first.session.undo();
    await first.queue.flushed();
    first.session.dispose();
    const reloaded = await window(name);
    expect(reloaded.session.snapshot()).toMatchObject({ canUndo: true, canRedo: true });
    expect(ids(reloaded.session.snapshot().set?.spans)).toEqual(['a']);
    reloaded.session.redo();
    expect(ids(reloaded.session.snapshot().set?.spans)).toEqual(['a', 'b']);
    reloaded.session.undo();
    reloaded.session.undo();
    expect(reloaded.session.snapshot().set).toMatchObject({ spans: [], status: 'done' });
    await reloaded.queue.flushed();
    expect(await getSet(reloaded.db, 'd1', 'ann')).toMatchObject({ spans: [], status: 'done' });
  });

  it('two windows on one document keep all their acknowledged edits and each shows the other\'s', async () => {
    const name = `two-${n++}`;
    const a = await window(name);
    const b = await window(name);
    const shared = span('shared', 0);
    a.session.apply({ before: null, after: shared });
    await a.queue.flushed();
    await until(() => ids(b.session.snapshot().set?.spans).includes('shared'));
    // Both edit at once: A creates and relabels the shared span, B creates and deletes the same shared span.
    a.session.apply({ before: null, after: span('fromA', 10) });
    b.session.apply({ before: null, after: span('fromB', 20) });
    a.session.apply({ before: shared, after: { ...shared, label: 'ACTOR' } });
    b.session.apply({ before: shared, after: null });
    await Promise.all([a.queue.flushed(), b.queue.flushed()]);
    await until(() => ids(a.session.snapshot().set?.spans).join() === 'fromA,fromB' && ids(b.session.snapshot().set?.spans).join() === 'fromA,fromB');
    const stored = await getSet(a.db, 'd1', 'ann');
    expect(ids(stored.spans)).toEqual(['fromA', 'fromB']);
    // The head's counts take the other window's edits into account: the shared span is counted gone once.
    expect((await statusesFor(a.db, 'ann')).get('d1')?.spans).toBe(2);
  });

  it('folding writes the log into the row and keeps only the operations the undo history needs', async () => {
    const name = `fold-${n++}`;
    const { db, queue, session } = await window(name);
    for (let i = 0; i < OPS_KEPT + 30; i++) session.apply({ before: null, after: span(`s${i}`, i * 5) });
    await queue.flushed();
    // Past FOLD_AFTER unfolded operations the session folds by itself once the queue is idle.
    await until(async () => (await db.ops.count()) === OPS_KEPT);
    const row = await db.annotationSets.get(['d1', 'ann']);
    expect(row?.spans).toHaveLength(OPS_KEPT + 30);
    expect(row?.through).toBe((await db.heads.get(['d1', 'ann']))?.lastSeq);
    expect(await db.ops.count()).toBe(OPS_KEPT);
    expect((await getSet(db, 'd1', 'ann')).spans).toHaveLength(OPS_KEPT + 30);
    expect(await foldSet(db, 'd1', 'ann')).toBe(false);
  });
});

describe('the save queue under failing writes', () => {
  it('keeps failed edits in order, says why, reopens a closed connection and stores them on retry', async () => {
    const { db, queue, session } = await window(`fail-${n++}`);
    db.close();
    // The first reopening fails too (the browser is still closing it).
    const open = db.open.bind(db);
    let refusals = 1;
    db.open = (() => (refusals-- > 0 ? Promise.reject(Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' })) : open())) as typeof db.open;
    session.apply({ before: null, after: span('a', 0) });
    session.apply({ before: null, after: span('b', 10) });
    await until(() => queue.snapshot().failure !== null);
    expect(queue.snapshot()).toMatchObject({ pending: 2, failure: { kind: 'closed' } });
    expect(session.snapshot().unsaved).toBe(2);
    queue.retry();
    await queue.flushed();
    expect(queue.snapshot()).toEqual({ pending: 0, failure: null });
    expect(ids((await getSet(db, 'd1', 'ann')).spans)).toEqual(['a', 'b']);
  });

  it('a full disk is said in words and nothing is lost when space comes back', async () => {
    const { db, queue, session } = await window(`quota-${n++}`);
    const add = db.ops.add.bind(db.ops);
    let full = true;
    db.ops.add = ((...args: Parameters<typeof add>) => (full ? Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError')) : add(...args))) as typeof add;
    session.apply({ before: null, after: span('a', 0) });
    await until(() => queue.snapshot().failure !== null);
    expect(queue.snapshot().failure).toMatchObject({ kind: 'quota', reason: expect.stringContaining('disk is full') });
    session.apply({ before: null, after: span('b', 10) });
    await until(() => queue.snapshot().failure?.attempts === 2);
    expect(queue.snapshot().pending).toBe(2);
    full = false;
    queue.retry();
    await queue.flushed();
    expect(ids((await getSet(db, 'd1', 'ann')).spans)).toEqual(['a', 'b']);
  });
});
