/**
 * Saves of annotation sets still on their way to disk, per (document, annotator). A set is read
 * only after its last save has settled, so a document reopened right after an edit shows that
 * edit, and the next edit builds on it instead of on an older stored copy.
 */
import type { AnnotationSet } from '../../core/model';
import type { SpanlightDb } from './database';
import { getSet } from './project-store';

const lastSaveOf = new Map<string, Promise<void>>();

function keyOf(docId: string, annotator: string): string {
  return JSON.stringify([docId, annotator]);
}

/** Records `save` as the latest save of `annotator`'s set on `docId` (stored or failed, it counts once settled). */
export function noteSetSave(docId: string, annotator: string, save: Promise<unknown>): void {
  const key = keyOf(docId, annotator);
  const settled = save.then(
    () => undefined,
    () => undefined,
  );
  lastSaveOf.set(key, settled);
  void settled.then(() => {
    if (lastSaveOf.get(key) === settled) lastSaveOf.delete(key);
  });
}

/** `annotator`'s set on `docId` as stored once every save of it made so far has settled. */
export async function loadSetWhenSaved(db: SpanlightDb, docId: string, annotator: string): Promise<AnnotationSet> {
  await lastSaveOf.get(keyOf(docId, annotator));
  return getSet(db, docId, annotator);
}
