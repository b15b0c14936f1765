/**
 * Backup and restore of the whole database. A backup holds every table (project, labels,
 * guidelines, documents with their tokens, every annotation set with span ids and statuses, the log
 * of edits and its heads, import records, preferences) in the layout of `core/backup/format.ts`.
 * Restoring into a fresh profile (nobody annotated anything yet) gives back an identical database;
 * into one with work it merges by the rules of `restore-merge.ts`, never deleting anything.
 */
import { backupLines } from '../../core/backup/lines';
import { BACKUP_TABLES, type BackupTables } from '../../core/backup/format';
import { SCHEMA_VERSION, type SpanlightDb } from '../db/database';
import { announceSetChanges } from '../db/set-changes';
import { mergeBackup, type MergeOutcome } from './restore-merge';
import { backupTextRow, textRowOfBackup } from './backup-rows';

/** Every table as backup rows (tokens as plain arrays), read in one transaction so they agree. */
export async function readBackupTables(db: SpanlightDb): Promise<BackupTables> {
  return db.transaction('r', BACKUP_TABLES.map((t) => db.table(t)), async () => {
    const [projects, documents, texts, annotationSets, heads, ops, imports, prefs] = await Promise.all([
      db.projects.toArray(),
      db.documents.toArray(),
      db.texts.toArray(),
      db.annotationSets.toArray(),
      db.heads.toArray(),
      db.ops.toArray(),
      db.imports.toArray(),
      db.prefs.toArray(),
    ]);
    return {
      projects,
      documents,
      texts: texts.map(backupTextRow),
      // Rows written before the log existed have no fold point: nothing of the log is in them.
      annotationSets: annotationSets.map((s) => ({ ...s, through: s.through ?? 0 })),
      heads,
      ops: ops as BackupTables['ops'],
      imports: imports as BackupTables['imports'],
      prefs,
    } satisfies Record<keyof BackupTables, unknown[]> as BackupTables;
  });
}

/** Counts of what a backup holds, for messages. */
export function describeBackup(tables: BackupTables): string {
  const annotators = new Set(tables.heads.map((h) => h.annotator));
  const spans = tables.heads.reduce((n, h) => n + h.spans, 0);
  return `${tables.documents.length} document(s), ${tables.heads.length} annotation set(s) of ${annotators.size} annotator(s) with ${spans} span(s), ${tables.ops.length} logged edit(s)`;
}

/** The local day of `now` as `YYYY-MM-DD` (backup file names and the desktop app's daily backups use it). */
export function dailyBackupDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A backup file of the whole database: its name, content and what it holds. */
export async function makeBackup(db: SpanlightDb, app: string, now = new Date()): Promise<{ name: string; content: string; summary: string }> {
  const tables = await readBackupTables(db);
  const lines = backupLines(tables, { schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), app });
  return { name: `spanlight-backup-${dailyBackupDay(now)}.jsonl`, content: `${lines.join('\n')}\n`, summary: describeBackup(tables) };
}

/** True when nobody has annotated or imported anything yet (the seed project aside): a restore may replace it whole. */
export async function isFreshProfile(db: SpanlightDb): Promise<boolean> {
  const [heads, ops, imports, sets] = await Promise.all([db.heads.count(), db.ops.count(), db.imports.count(), db.annotationSets.count()]);
  return heads + ops + imports + sets === 0;
}

/** What a restore did. */
export type RestoreOutcome = { mode: 'replaced' } | ({ mode: 'merged' } & MergeOutcome);

/**
 * Restores a checked backup in one transaction: a fresh profile is replaced by it (an identical
 * database, preferences included); a profile with work keeps all of it and gains what the backup
 * adds (see `mergeBackup`).
 */
export async function restoreBackup(db: SpanlightDb, tables: BackupTables): Promise<RestoreOutcome> {
  const outcome = await db.transaction('rw', BACKUP_TABLES.map((t) => db.table(t)), async (): Promise<RestoreOutcome> => {
    if (!(await isFreshProfile(db))) return { mode: 'merged', ...(await mergeBackup(db, tables)) };
    await Promise.all(BACKUP_TABLES.map((t) => db.table(t).clear()));
    await db.projects.bulkAdd(tables.projects);
    await db.documents.bulkAdd(tables.documents);
    await db.texts.bulkAdd(tables.texts.map(textRowOfBackup));
    await db.annotationSets.bulkAdd(tables.annotationSets);
    await db.heads.bulkAdd(tables.heads);
    await db.ops.bulkAdd(tables.ops);
    await db.imports.bulkAdd(tables.imports);
    await db.prefs.bulkAdd(tables.prefs);
    return { mode: 'replaced' };
  });
  announceSetChanges(db, [{ kind: 'reset-all' }]);
  return outcome;
}
