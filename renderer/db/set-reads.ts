/**
 * Reads of annotation sets for lists, pickers and exports. Lists read the small head rows (status,
 * counts), never span arrays; whole sets are their folded row plus the operations after it.
 */
import type { AnnotationSet, DocStatus, DocToken } from '../../core/model';
import type { ExportItem } from '../../core/formats/types';
import { foldOps, labelCounts } from '../../core/spans/ops';
import type { SetHead, SpanlightDb } from './database';
import { emptySet, loadSet, opsAfter, setOfRow } from './set-log';
import { tokensOfRow } from './texts';

/** An annotator's set for a document as stored, or an empty one. */
export async function getSet(db: SpanlightDb, docId: string, annotator: string): Promise<AnnotationSet> {
  return (await loadSet(db, docId, annotator)).set;
}

/** Status of every document for one annotator. */
export async function statusesFor(db: SpanlightDb, annotator: string): Promise<Map<string, { status: DocStatus; spans: number; note?: string }>> {
  const heads = await db.heads.where('annotator').equals(annotator).toArray();
  return new Map(heads.map((h) => [h.docId, { status: h.status, spans: h.spans, ...(h.note !== undefined ? { note: h.note } : {}) }]));
}

/** One annotator's work on one document, as lists show it. */
export interface SetSummary {
  status: DocStatus;
  /** Number of spans. */
  spans: number;
  /** Number of spans per label. */
  labels: Record<string, number>;
  /** Milliseconds since the epoch of the last change. */
  updatedAt: number;
  note?: string;
}

/**
 * Every annotator's status and span counts, per document id then annotator name (`gold` and
 * `model:*` included), read from the head rows only: cheap on a 10,000-document corpus.
 */
export async function summariesByDocument(db: SpanlightDb): Promise<Map<string, Map<string, SetSummary>>> {
  const byDoc = new Map<string, Map<string, SetSummary>>();
  // Read in pages: each page is one quick task for the window, not one long one for the whole corpus.
  let after: [string, string] | null = null;
  for (;;) {
    const page: SetHead[] = await (after ? db.heads.where(':id').above(after) : db.heads.toCollection()).limit(SUMMARY_PAGE).toArray();
    for (const head of page) {
      let forDoc = byDoc.get(head.docId);
      if (!forDoc) byDoc.set(head.docId, (forDoc = new Map()));
      forDoc.set(head.annotator, summaryOf(head));
    }
    const last = page.at(-1);
    if (!last || page.length < SUMMARY_PAGE) return byDoc;
    after = [last.docId, last.annotator];
  }
}

/** Head rows read per page by `summariesByDocument`. */
const SUMMARY_PAGE = 2000;

/** The summaries of the sets `keys` ([docId, annotator]); null where a set has no head row (any more). */
export async function summariesOf(db: SpanlightDb, keys: readonly [string, string][]): Promise<(SetSummary | null)[]> {
  const heads = await db.heads.bulkGet([...keys]);
  return heads.map((h) => (h ? summaryOf(h) : null));
}

/** One set's summary as lists show it (for a set just stored, without reading its head). */
export function summaryOfSet(set: AnnotationSet): SetSummary {
  return { status: set.status, spans: set.spans.length, labels: labelCounts(set.spans), updatedAt: set.updatedAt, ...(set.note !== undefined ? { note: set.note } : {}) };
}

function summaryOf(head: SetHead): SetSummary {
  return { status: head.status, spans: head.spans, labels: head.labels, updatedAt: head.updatedAt, ...(head.note !== undefined ? { note: head.note } : {}) };
}

/** Annotators who have a set on `docId` (gold, model:*, colleagues), sorted; reads keys only, never the spans. */
export async function annotatorsOf(db: SpanlightDb, docId: string): Promise<string[]> {
  const keys = await db.heads.where('docId').equals(docId).primaryKeys();
  return keys.map(([, annotator]) => annotator).sort((a, b) => a.localeCompare(b));
}

/** How many documents there are, and how many of them `annotator` (or anyone, when null) marked done. */
export async function countDone(db: SpanlightDb, annotator: string | null): Promise<{ total: number; done: number }> {
  const total = await db.documents.count();
  const heads = annotator ? db.heads.where('annotator').equals(annotator) : db.heads.toCollection();
  const done = new Set<string>();
  await heads.each((head) => {
    if (head.status === 'done') done.add(head.docId);
  });
  return { total, done: done.size };
}

/** Every annotator that has a set in the project. */
export async function listAnnotators(db: SpanlightDb): Promise<string[]> {
  const keys = await db.heads.orderBy('annotator').uniqueKeys();
  return keys.map(String);
}

/** Which documents and sets an export takes. */
export interface ExportSelection {
  /** Only sets whose status is done. */
  doneOnly: boolean;
  /** One annotator, or null for all. */
  annotator: string | null;
  /** Annotator named on documents nobody has annotated yet (exported with no spans unless doneOnly). */
  fallbackAnnotator: string;
}

/** Whole sets for `heads`: their rows, folded with the operations after them where there are any. */
async function setsOf(db: SpanlightDb, heads: readonly SetHead[]): Promise<AnnotationSet[]> {
  const rows = await db.annotationSets.bulkGet(heads.map((h) => [h.docId, h.annotator] as [string, string]));
  return Promise.all(
    heads.map(async (head, i) => {
      const row = rows[i];
      const set = row ? setOfRow(row) : emptySet(head.docId, head.annotator);
      const through = row?.through ?? 0;
      if (head.lastSeq <= through) return set;
      const ops = await opsAfter(db, head.docId, head.annotator, through);
      return foldOps(set, ops);
    }),
  );
}

/** Loads documents with their sets (and the tokens their files brought) for an export, in list order. */
export async function loadExportItems(db: SpanlightDb, selection: ExportSelection): Promise<ExportItem[]> {
  return db.transaction('r', [db.documents, db.texts, db.heads, db.annotationSets, db.ops], async () => {
    const docs = await db.documents.orderBy('order').toArray();
    const allHeads = selection.annotator ? await db.heads.where('annotator').equals(selection.annotator).toArray() : await db.heads.toArray();
    const heads = allHeads.filter((h) => !selection.doneOnly || h.status === 'done');
    const byDoc = new Map<string, AnnotationSet[]>();
    for (const set of await setsOf(db, heads)) {
      const list = byDoc.get(set.docId) ?? [];
      list.push(set);
      byDoc.set(set.docId, list);
    }
    const items: ExportItem[] = [];
    const wanted = docs.filter((doc) => byDoc.has(doc.id) || !selection.doneOnly);
    // One read for every text, not one round trip per document.
    const texts = await db.texts.bulkGet(wanted.map((d) => d.id));
    wanted.forEach((doc, i) => {
      const row = texts[i];
      if (row === undefined) throw new Error(`Document ${doc.id} has no stored text.`);
      const tokens: DocToken[] | undefined = tokensOfRow(row);
      const docSets = byDoc.get(doc.id) ?? [emptySet(doc.id, selection.annotator ?? selection.fallbackAnnotator)];
      for (const set of docSets.sort((a, b) => a.annotator.localeCompare(b.annotator))) {
        items.push({ doc: { id: doc.id, text: row.text, meta: doc.meta, ...(tokens ? { tokens } : {}) }, set });
      }
    });
    return items;
  });
}
