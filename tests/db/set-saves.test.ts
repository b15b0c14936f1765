import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';
import { emptySet, getSet, saveSet } from '../../renderer/db/project-store';
import { loadSetWhenSaved, noteSetSave } from '../../renderer/db/set-saves';

const span = { id: 's1', start: 0, end: 4, label: 'LOCATION', source: 'manual' as const, createdBy: 'ann', createdAt: 1 };

describe('loadSetWhenSaved', () => {
  it('reads a set only once its pending save is stored, so a reopened document shows its last edit', async () => {
    const db = new SpanlightDb('set-saves-1');
    let release!: () => void;
    const frame = new Promise<void>((resolve) => (release = resolve));
    const edited = { ...emptySet('d1', 'ann'), spans: [span], status: 'done' as const };
    noteSetSave('d1', 'ann', frame.then(() => saveSet(db, edited)));
    const loading = loadSetWhenSaved(db, 'd1', 'ann');
    // Meanwhile the stored copy is still the old one.
    expect((await getSet(db, 'd1', 'ann')).spans).toEqual([]);
    release();
    expect(await loading).toMatchObject({ status: 'done', spans: [span] });
  });

  it('a failed save does not block later reads, and other sets never wait', async () => {
    const db = new SpanlightDb('set-saves-2');
    noteSetSave('d1', 'ann', Promise.reject(new Error('disk full')));
    noteSetSave('d2', 'ann', new Promise(() => {}));
    expect((await loadSetWhenSaved(db, 'd1', 'ann')).spans).toEqual([]);
    expect((await loadSetWhenSaved(db, 'd2', 'other')).annotator).toBe('other');
  });
});
