/** Dropped units' keys: one preference per document, stored after the gold edits they go with, read back whole. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';

// The pending-writes guard looks at the window (the bridge marks Electron): a plain one will do.
vi.stubGlobal('window', Object.assign(new EventTarget(), { close: () => undefined }));
const { DROPPED_PREFIX, loadDroppedKeys, saveDroppedKeys } = await import('../../renderer/lead/adjudicate/dropped-keys');
const { pendingWrites } = await import('../../renderer/db/pending-writes');

let db: SpanlightDb;
let n = 0;
beforeEach(() => {
  db = new SpanlightDb(`dropped-${n++}`);
});

describe('dropped unit keys', () => {
  it('are stored per document under adjudication:dropped:<docId>, sorted, and read back for every document', async () => {
    await saveDroppedKeys(db, 'doc-a', new Set(['52-61', '6-13']));
    await saveDroppedKeys(db, 'doc-b', new Set(['35-43']));
    await db.prefs.put({ key: 'annotator', value: 'Lea' });
    expect(await db.prefs.get(`${DROPPED_PREFIX}doc-a`)).toEqual({ key: 'adjudication:dropped:doc-a', value: ['52-61', '6-13'] });
    const loaded = await loadDroppedKeys(db);
    expect([...loaded.keys()].sort()).toEqual(['doc-a', 'doc-b']);
    expect([...loaded.get('doc-a')!].sort()).toEqual(['52-61', '6-13']);
  });

  it('goes when no key is left, so nothing stale stays behind', async () => {
    await saveDroppedKeys(db, 'doc-a', new Set(['6-13']));
    await saveDroppedKeys(db, 'doc-a', new Set());
    expect(await db.prefs.get(`${DROPPED_PREFIX}doc-a`)).toBeUndefined();
    expect((await loadDroppedKeys(db)).size).toBe(0);
  });

  it('is written only after the gold edits it goes with, and counts as a pending write until then (the window waits for it)', async () => {
    let release!: () => void;
    const goldSaved = new Promise<void>((resolve) => (release = resolve));
    const write = saveDroppedKeys(db, 'doc-a', new Set(['6-13']), goldSaved);
    expect(pendingWrites()).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.prefs.get(`${DROPPED_PREFIX}doc-a`)).toBeUndefined();
    release();
    await write;
    expect(pendingWrites()).toBe(0);
    expect((await db.prefs.get(`${DROPPED_PREFIX}doc-a`))?.value).toEqual(['6-13']);
  });
});
