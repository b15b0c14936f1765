/**
 * Which documents have disagreements: two or more of the team's annotators (not gold, not models)
 * marked them done with different spans. The head rows' label counts settle most documents (counts
 * that differ mean spans that differ); the others have their done sets read and compared by the
 * agreement engine's per-document function. Runs in a worker (`disagreement.worker.ts`) on its own
 * connection to the project's database, so the document list never waits for it.
 */
import { documentDisagreements } from '../../core/agreement/document-disagreements';
import type { AgreementDocument, AgreementSet } from '../../core/agreement/types';
import { foldOps } from '../../core/spans/ops';
import type { SetHead, SpanlightDb } from '../db/database';
import { emptySet, opsAfter, setOfRow } from '../db/set-log';
import { disagreementFromCounts, isTeamAnnotator } from './team';
import type { SetSummary } from '../db/set-reads';

/** Documents compared per read (their done sets are read together). */
const BATCH = 200;

function byDocument(heads: readonly SetHead[]): Map<string, SetHead[]> {
  const docs = new Map<string, SetHead[]>();
  for (const head of heads) {
    const list = docs.get(head.docId);
    if (list) list.push(head);
    else docs.set(head.docId, [head]);
  }
  return docs;
}

const summary = (h: SetHead): SetSummary => ({ status: h.status, spans: h.spans, labels: h.labels, updatedAt: h.updatedAt });

/** The team's done sets of `heads`, read whole (row plus the operations after it). */
async function doneTeamSets(db: SpanlightDb, heads: readonly SetHead[]): Promise<AgreementSet[]> {
  const rows = await db.annotationSets.bulkGet(heads.map((h) => [h.docId, h.annotator] as [string, string]));
  return Promise.all(
    heads.map(async (head, i) => {
      const row = rows[i];
      let set = row ? setOfRow(row) : emptySet(head.docId, head.annotator);
      const through = row?.through ?? 0;
      if (head.lastSeq > through) set = foldOps(set, await opsAfter(db, head.docId, head.annotator, through));
      return { docId: set.docId, annotator: set.annotator, status: set.status, spans: set.spans };
    }),
  );
}

/**
 * Whether each document of `docIds` (every document with a set when omitted) has disagreements;
 * `onProgress` hears how many documents were decided out of how many.
 */
export async function scanDisagreements(db: SpanlightDb, docIds?: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Map<string, boolean>> {
  const heads = docIds ? await db.heads.where('docId').anyOf([...docIds]).toArray() : await db.heads.toArray();
  const docs = byDocument(heads);
  const result = new Map<string, boolean>();
  for (const id of docIds ?? []) result.set(id, false);
  const toCompare: string[] = [];
  for (const [docId, list] of docs) {
    const verdict = disagreementFromCounts(new Map(list.map((h) => [h.annotator, summary(h)])));
    if (verdict === 'check') toCompare.push(docId);
    else result.set(docId, verdict === 'yes');
  }
  const total = docs.size;
  let decided = total - toCompare.length;
  onProgress?.(decided, total);
  for (let i = 0; i < toCompare.length; i += BATCH) {
    const batch = toCompare.slice(i, i + BATCH);
    const { documents, sets } = await db.transaction('r', [db.documents, db.heads, db.annotationSets, db.ops], async () => {
      const rows = await db.documents.bulkGet(batch);
      const documents: AgreementDocument[] = rows.flatMap((d) => (d ? [{ id: d.id, hash: d.hash, length: d.length }] : []));
      const done = batch.flatMap((id) => docs.get(id)!.filter((h) => isTeamAnnotator(h.annotator) && h.status === 'done'));
      return { documents, sets: await doneTeamSets(db, done) };
    });
    for (const id of batch) result.set(id, false);
    for (const doc of documentDisagreements({ documents, sets }, { docIds: batch })) result.set(doc.docId, doc.score > 0);
    decided += batch.length;
    onProgress?.(decided, total);
  }
  return result;
}
