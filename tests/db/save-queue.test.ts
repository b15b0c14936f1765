import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SpanlightDb } from '../../renderer/db/database';
import { SaveQueue } from '../../renderer/db/save-queue';

let n = 0;

describe('save queue', () => {
  it('writes an edit queued while a tidying task runs, once the task ends (it stayed "Saving…" for ever)', async () => {
    const db = new SpanlightDb(`save-queue-${n++}`);
    await db.open();
    const queue = new SaveQueue(db);
    const written: string[] = [];
    const write = (name: string) => ({ key: 'k', write: async () => name, written: (result: string) => void written.push(result) });

    // A fold waits for the queue to be idle; it is still running when the next edit comes.
    let endFold!: () => void;
    let foldStarted!: () => void;
    const started = new Promise<void>((resolve) => (foldStarted = resolve));
    queue.enqueue(write('tag'));
    queue.whenIdle('fold', () => {
      foldStarted();
      return new Promise<void>((resolve) => (endFold = resolve));
    });
    await started;
    queue.enqueue(write('undo'));
    expect(queue.snapshot().pending).toBe(1);
    endFold();

    await queue.flushed();
    expect(written).toEqual(['tag', 'undo']);
    expect(queue.snapshot()).toEqual({ pending: 0, failure: null });
  });
});
