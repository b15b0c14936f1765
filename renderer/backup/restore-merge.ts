/**
 * Restoring a backup into a profile that already holds work. The rules (also in
 * `docs/backup-format.md`): nothing stored is deleted or replaced.
 * - Project: labels the profile lacks are added; its name, settings and guidelines stay (empty
 *   guidelines take the backup's).
 * - Documents: those whose text the profile lacks are added (after its own); a stored text without
 *   tokens gets the backup's.
 * - Annotation sets: a set the profile lacks is added whole, with its edit log (undo history); a set
 *   both hold keeps every span it has and gains the backup's spans it lacks (same id or same
 *   start, end and label count as present); its status stays unless it is To do.
 * - Preferences the profile lacks are added; import records stay with the profile they describe.
 */
import type { BackupTables } from '../../core/backup/format';
import type { AnnotationSet } from '../../core/model';
import { sortSpans } from '../../core/model';
import { foldOps } from '../../core/spans/ops';
import { headOfSet, type OpRow, type SpanlightDb } from '../db/database';
import { loadSet } from '../db/set-log';
import { textRowOfBackup } from './backup-rows';

/** What a merging restore added. */
export interface MergeOutcome {
  labelsAdded: number;
  documentsAdded: number;
  setsAdded: number;
  setsMerged: number;
  spansAdded: number;
  /** Sets that were To do here and took the backup's status. */
  statusesTaken: number;
}

const spanKey = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

/** The backup's sets, folded with their logged edits, and those edits per set. */
function backupSets(tables: BackupTables): Map<string, { set: AnnotationSet; ops: BackupTables['ops'] }> {
  const opsOf = new Map<string, BackupTables['ops']>();
  for (const op of [...tables.ops].sort((a, b) => a.seq - b.seq)) {
    const key = JSON.stringify([op.docId, op.annotator]);
    opsOf.set(key, [...(opsOf.get(key) ?? []), op]);
  }
  const sets = new Map<string, { set: AnnotationSet; ops: BackupTables['ops'] }>();
  for (const row of tables.annotationSets) {
    const key = JSON.stringify([row.docId, row.annotator]);
    const { through, ...set } = row;
    const ops = opsOf.get(key) ?? [];
    sets.set(key, { set: foldOps(set, ops.filter((o) => o.seq > through)), ops });
  }
  // Sets that exist only as logged edits (never folded).
  for (const [key, ops] of opsOf) {
    if (sets.has(key)) continue;
    const [docId, annotator] = JSON.parse(key) as [string, string];
    sets.set(key, { set: foldOps({ docId, annotator, spans: [], status: 'todo', timeSpentMs: 0, updatedAt: 0 }, ops), ops });
  }
  return sets;
}

/** Merges `tables` into the profile (inside the caller's transaction over every table). */
export async function mergeBackup(db: SpanlightDb, tables: BackupTables): Promise<MergeOutcome> {
  const outcome: MergeOutcome = { labelsAdded: 0, documentsAdded: 0, setsAdded: 0, setsMerged: 0, spansAdded: 0, statusesTaken: 0 };
  for (const project of tables.projects) {
    const local = await db.projects.get(project.id);
    if (!local) {
      await db.projects.add(project);
      continue;
    }
    const names = new Set(local.labels.map((l) => l.name));
    const added = project.labels.filter((l) => !names.has(l.name));
    outcome.labelsAdded += added.length;
    await db.projects.put({ ...local, labels: [...local.labels, ...added], guidelines: local.guidelines.trim() ? local.guidelines : project.guidelines });
  }

  const localDocs = new Set(await db.documents.toCollection().primaryKeys());
  const last = await db.documents.orderBy('order').last();
  let order = last ? last.order + 1 : 0;
  const newDocs = [...tables.documents].sort((a, b) => a.order - b.order).filter((d) => !localDocs.has(d.id));
  await db.documents.bulkAdd(newDocs.map((d) => ({ ...d, order: order++ })));
  const newIds = new Set(newDocs.map((d) => d.id));
  await db.texts.bulkAdd(tables.texts.filter((t) => newIds.has(t.id)).map(textRowOfBackup));
  for (const text of tables.texts) {
    if (newIds.has(text.id) || !text.tokens) continue;
    const local = await db.texts.get(text.id);
    if (local && !local.tokens) await db.texts.put({ ...local, tokens: Int32Array.from(text.tokens) });
  }
  outcome.documentsAdded = newDocs.length;

  for (const { set, ops } of backupSets(tables).values()) {
    const head = await db.heads.get([set.docId, set.annotator]);
    const row = head ? undefined : await db.annotationSets.get([set.docId, set.annotator]);
    if (!head && !row) {
      // The whole set, with its log renumbered after this profile's.
      const keys = await db.ops.bulkAdd(
        ops.map(({ seq: _seq, ...op }): OpRow => op),
        { allKeys: true },
      );
      const lastSeq = keys.length ? Math.max(...keys) : 0;
      await db.annotationSets.put({ ...set, through: lastSeq });
      await db.heads.put(headOfSet(set, lastSeq));
      outcome.setsAdded++;
      continue;
    }
    const local = await loadSet(db, set.docId, set.annotator);
    const ids = new Set(local.set.spans.map((s) => s.id));
    const keys = new Set(local.set.spans.map(spanKey));
    const fresh = set.spans.filter((s) => !ids.has(s.id) && !keys.has(spanKey(s)));
    const takeStatus = local.set.status === 'todo' && set.status !== 'todo';
    if (fresh.length === 0 && !takeStatus) continue;
    const merged: AnnotationSet = { ...local.set, spans: sortSpans([...local.set.spans, ...fresh]), ...(takeStatus ? { status: set.status, ...(set.note !== undefined ? { note: set.note } : {}) } : {}) };
    await db.annotationSets.put({ ...merged, through: local.lastSeq });
    await db.heads.put(headOfSet(merged, local.lastSeq, head?.prunedThrough ?? 0));
    outcome.setsMerged++;
    outcome.spansAdded += fresh.length;
    if (takeStatus) outcome.statusesTaken++;
  }

  const localPrefs = new Set(await db.prefs.toCollection().primaryKeys());
  await db.prefs.bulkAdd(tables.prefs.filter((p) => !localPrefs.has(p.key)));
  return outcome;
}

/** A merging restore's outcome in words. */
export function describeMerge(outcome: MergeOutcome): string {
  return (
    `Backup merged into your work (nothing of it was removed or replaced): ${outcome.documentsAdded} document(s) and ${outcome.setsAdded} annotation set(s) added; ` +
    `${outcome.spansAdded} span(s) added to ${outcome.setsMerged} set(s) you already had` +
    (outcome.statusesTaken ? ` (${outcome.statusesTaken} of them To do here took the backup's status)` : '') +
    (outcome.labelsAdded ? `; ${outcome.labelsAdded} label(s) added to the project` : '') +
    '.'
  );
}
