/**
 * "Undo import": removes exactly what one import added — the spans it added (unless relabelled
 * since: that is someone's work), the statuses it set (unless changed since), the sets and
 * documents it created (unless someone annotated them since) — in one transaction.
 */
import { sameStatus, statusOf } from '../../core/spans/ops';
import { headOfSet, type ImportRow, type SpanlightDb } from './database';
import { announceSetChanges } from './set-changes';
import { loadSet } from './set-log';

/** What undoing an import removed, and what it kept because someone worked on it since. */
export interface UndoneImport {
  spansRemoved: number;
  /** Spans the import added that were relabelled since: kept. */
  spansKept: number;
  statusesRestored: number;
  setsRemoved: number;
  documentsRemoved: number;
  /** Documents the import created that someone annotated since (or another import used): kept. */
  documentsKept: number;
}

/** Imports that can still be undone, newest first. */
export async function undoableImports(db: SpanlightDb): Promise<ImportRow[]> {
  const all = await db.imports.orderBy(':id').reverse().toArray();
  return all.filter((i) => i.undoneAt === undefined);
}

/** Undoes import `id` (see the module comment); throws when it is unknown or already undone. */
export async function undoImport(db: SpanlightDb, id: number): Promise<UndoneImport> {
  const result = await db.transaction('rw', [db.imports, db.documents, db.texts, db.annotationSets, db.heads, db.ops], async () => {
    const record = await db.imports.get(id);
    if (!record) throw new Error('This import is not recorded any more.');
    if (record.undoneAt !== undefined) throw new Error('This import was already undone.');
    const done: UndoneImport = { spansRemoved: 0, spansKept: 0, statusesRestored: 0, setsRemoved: 0, documentsRemoved: 0, documentsKept: 0 };
    for (const added of record.sets) {
      const head = await db.heads.get([added.docId, added.annotator]);
      if (!head) continue;
      const { set, lastSeq } = await loadSet(db, added.docId, added.annotator);
      const labelOf = new Map(added.spanIds.map((spanId, i) => [spanId, added.labels[i]]));
      const spans = set.spans.filter((span) => {
        const label = labelOf.get(span.id);
        if (label === undefined) return true;
        if (label !== span.label) {
          done.spansKept++;
          return true;
        }
        done.spansRemoved++;
        return false;
      });
      let next = { ...set, spans };
      if (added.status && sameStatus(statusOf(set), added.status.to)) {
        next = { ...next, status: added.status.from.status };
        if (added.status.from.note !== undefined) next.note = added.status.from.note;
        else delete next.note;
        done.statusesRestored++;
      }
      const touchedSince = lastSeq > record.seqAtImport;
      if (added.created && spans.length === 0 && !touchedSince) {
        await db.annotationSets.delete([added.docId, added.annotator]);
        await db.heads.delete([added.docId, added.annotator]);
        done.setsRemoved++;
      } else {
        await db.annotationSets.put({ ...next, through: lastSeq });
        await db.heads.put(headOfSet(next, lastSeq, head.prunedThrough));
      }
    }
    for (const docId of record.createdDocs) {
      if ((await db.heads.where('docId').equals(docId).count()) > 0) {
        done.documentsKept++;
        continue;
      }
      await db.documents.delete(docId);
      await db.texts.delete(docId);
      done.documentsRemoved++;
    }
    await db.imports.update(id, { undoneAt: Date.now() });
    return done;
  });
  announceSetChanges(db, [{ kind: 'reset-all' }]);
  return result;
}

/** The undo outcome in words. */
export function describeUndoneImport(done: UndoneImport): string {
  const parts = [
    `removed ${done.documentsRemoved} document${done.documentsRemoved === 1 ? '' : 's'} and ${done.spansRemoved} span${done.spansRemoved === 1 ? '' : 's'} it added`,
    done.statusesRestored ? `put back ${done.statusesRestored} status${done.statusesRestored === 1 ? '' : 'es'} it had changed` : '',
    done.spansKept ? `kept ${done.spansKept} span${done.spansKept === 1 ? '' : 's'} relabelled since` : '',
    done.documentsKept ? `kept ${done.documentsKept} document${done.documentsKept === 1 ? '' : 's'} someone annotated since` : '',
  ].filter(Boolean);
  return `Import undone: ${parts.join('; ')}.`;
}
