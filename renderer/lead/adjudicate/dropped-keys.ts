/**
 * Units resolved by dropping them leave no gold span, so their keys are stored: one preference per
 * document (`adjudication:dropped:<docId>`, a list of unit keys), kept in the prefs table, which
 * backups hold.
 */
import type { SpanlightDb } from '../../db/database';
import { trackWrite } from '../../db/pending-writes';

/** Prefix of the preference keys. */
export const DROPPED_PREFIX = 'adjudication:dropped:';

/** The preference key of a document's dropped units. */
export function droppedKey(docId: string): string {
  return `${DROPPED_PREFIX}${docId}`;
}

/** Every document's dropped unit keys. */
export async function loadDroppedKeys(db: SpanlightDb): Promise<Map<string, Set<string>>> {
  const rows = await db.prefs.where('key').startsWith(DROPPED_PREFIX).toArray();
  const byDoc = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!Array.isArray(row.value)) continue;
    byDoc.set(row.key.slice(DROPPED_PREFIX.length), new Set(row.value.filter((k): k is string => typeof k === 'string')));
  }
  return byDoc;
}

/** Stores a document's dropped unit keys (none: the preference goes), after `after` (the gold edits' save). */
export function saveDroppedKeys(db: SpanlightDb, docId: string, keys: ReadonlySet<string>, after: Promise<unknown> = Promise.resolve()): Promise<void> {
  const write = after.then(async () => {
    if (keys.size === 0) await db.prefs.delete(droppedKey(docId));
    else await db.prefs.put({ key: droppedKey(docId), value: [...keys].sort() });
  });
  return trackWrite(write);
}
