/**
 * Stores imported documents and their annotation sets in one transaction. Documents are matched by
 * text hash; each file's annotations go to the annotator the file names, or the one chosen for that
 * file, never silently to the person importing; stored spans are never replaced, and identical
 * spans are skipped and counted. The same planning step gives the preview its counts, so preview
 * and result agree. Each import is recorded so it can be undone as one step (`import-undo.ts`).
 */
import type { AnnotationSet, DocStatus, Span } from '../../core/model';
import { sortSpans } from '../../core/model';
import type { ImportedDocument } from '../../core/formats/types';
import { textHash } from '../../core/text/hash';
import { documentTitle } from '../../core/formats/plaintext';
import { sameStatus, statusOf } from '../../core/spans/ops';
import { spanFromImported } from '../../core/spans/imported';
import { headOfSet, type DocumentRow, type ImportedSetRecord, type SpanlightDb, type TextRow } from './database';
import { announceSetChanges } from './set-changes';
import { emptySet, loadSet } from './set-log';
import { packTokens } from './texts';
import { newId } from './ids';

/** One file's documents and whose annotations they are. */
export interface ImportSource {
  /** File name, for the preview, the result and the import's record. */
  file: string;
  documents: readonly ImportedDocument[];
  /** Annotator of the sets the file names no one for (with `force`, of every set). */
  annotator?: string;
  /** Every set of the file goes to `annotator`, whatever the file says. */
  force?: boolean;
}

/** What importing one file does (the preview shows it; the result repeats it). */
export interface FileImportPlan {
  file: string;
  /** Annotators the file's annotations go to. */
  annotators: string[];
  /** Documents that will be created. */
  newDocuments: number;
  /** Documents whose text is already stored (or earlier in this import): not duplicated. */
  existingDocuments: number;
  /** Spans in the file. */
  spans: number;
  /** Spans that will be added. */
  newSpans: number;
  /** Spans skipped because the same span (start, end, label) is already there. */
  identicalSpans: number;
  /** Sets that already have spans under the same annotator: the new spans are added beside them. */
  setsWithSpans: number;
  /** Of those, the ones marked done (their status is kept). */
  doneSetsWithSpans: number;
  /** Documents stored without tokens that get the tokens the file brought. */
  tokensAdded: number;
}

/** What an import stores, file by file, and in total. */
export interface ImportPlan {
  files: FileImportPlan[];
  /** New documents (all files). */
  added: number;
  /** Documents already present (all files). */
  duplicates: number;
  /** Sets created or added to. */
  sets: number;
  /** Spans added. */
  spans: number;
  /** Identical spans skipped. */
  identical: number;
}

/** What `storeImport` stored, with the id of its record (for "Undo import"), when recorded. */
export interface StoredImport extends ImportPlan {
  importId?: number;
}

interface Prepared {
  plan: ImportPlan;
  documents: DocumentRow[];
  texts: TextRow[];
  tokenUpdates: TextRow[];
  sets: AnnotationSet[];
  /** Per set: its last operation and what the import added. */
  records: (ImportedSetRecord & { lastSeq: number; prunedThrough: number })[];
}

const spanKey = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

function annotatorFor(source: ImportSource, named: string | undefined): string {
  const annotator = source.force ? source.annotator : (named ?? source.annotator);
  if (!annotator?.trim()) throw new Error(`${source.file || 'The file'} names no annotator for its annotations: choose whose they are.`);
  return annotator.trim();
}

/** Works out everything an import would store, reading the database but writing nothing. */
async function prepare(db: SpanlightDb, sources: readonly ImportSource[]): Promise<Prepared> {
  const now = Date.now();
  const tag = newId('x').replace(/-/g, '').slice(0, 10);
  let spanNumber = 0;
  const hashed = sources.map((source) => source.documents.map((doc) => ({ doc, id: `doc-${textHash(doc.text)}` })));
  const allIds = [...new Set(hashed.flat().map((h) => h.id))];
  const storedIds = (await db.documents.bulkGet(allIds)).filter((d): d is DocumentRow => d !== undefined).map((d) => d.id);
  // Texts are read only where the file brings tokens a stored text may lack.
  const withTokens = new Set(hashed.flat().filter((h) => h.doc.tokens?.length).map((h) => h.id));
  const tokenCandidates = storedIds.filter((id) => withTokens.has(id));
  const storedTexts = new Map((await db.texts.bulkGet(tokenCandidates)).filter((t): t is TextRow => t !== undefined).map((t) => [t.id, t]));
  const last = await db.documents.orderBy('order').last();
  let order = last ? last.order + 1 : 0;
  const seen = new Set(storedIds);
  const documents: DocumentRow[] = [];
  const texts: TextRow[] = [];
  const tokenUpdates: TextRow[] = [];
  const tokensFor = new Set<string>();
  // Incoming spans per set key, with the file they came from.
  const incoming = new Map<string, { docId: string; annotator: string; status: DocStatus; note?: string; timeSpentMs: number; spans: { span: Span; file: number }[] }>();
  const files: FileImportPlan[] = sources.map((source) => ({ file: source.file, annotators: [], newDocuments: 0, existingDocuments: 0, spans: 0, newSpans: 0, identicalSpans: 0, setsWithSpans: 0, doneSetsWithSpans: 0, tokensAdded: 0 }));
  sources.forEach((source, f) => {
    const file = files[f]!;
    const annotators = new Set<string>();
    for (const { doc, id } of hashed[f]!) {
      if (seen.has(id)) {
        file.existingDocuments++;
        const stored = storedTexts.get(id);
        if (stored && !stored.tokens && doc.tokens?.length && !tokensFor.has(id)) {
          tokensFor.add(id);
          tokenUpdates.push({ ...stored, tokens: packTokens(doc.tokens) });
          file.tokensAdded++;
        }
      } else {
        seen.add(id);
        file.newDocuments++;
        documents.push({ id, hash: id.slice(4), title: documentTitle(doc.meta, doc.text), meta: doc.meta, order: order++, length: doc.text.length, importedAt: now });
        texts.push({ id, text: doc.text, ...(doc.tokens?.length ? { tokens: packTokens(doc.tokens) } : {}) });
      }
      for (const set of doc.sets) {
        const annotator = annotatorFor(source, set.annotator);
        annotators.add(annotator);
        const key = JSON.stringify([id, annotator]);
        const target = incoming.get(key) ?? { docId: id, annotator, status: set.status ?? 'todo', ...(set.note ? { note: set.note } : {}), timeSpentMs: set.timeSpentMs ?? 0, spans: [] };
        for (const s of set.spans) {
          file.spans++;
          const span = spanFromImported(s, `${tag}.${spanNumber++}`, annotator, now);
          target.spans.push({ span, file: f });
        }
        incoming.set(key, target);
      }
    }
    file.annotators = [...annotators].sort();
  });
  const sets: AnnotationSet[] = [];
  const records: Prepared['records'] = [];
  const keys = [...incoming.values()];
  const heads = await db.heads.bulkGet(keys.map((k) => [k.docId, k.annotator] as [string, string]));
  let spanTotal = 0;
  for (const [i, target] of keys.entries()) {
    const head = heads[i];
    const old = head ? (await loadSet(db, target.docId, target.annotator)).set : null;
    const keysThere = new Set(old?.spans.map(spanKey) ?? []);
    const counted = new Set<number>();
    const fresh: Span[] = [];
    for (const { span, file } of target.spans) {
      const k = spanKey(span);
      if (keysThere.has(k)) {
        files[file]!.identicalSpans++;
        continue;
      }
      keysThere.add(k);
      files[file]!.newSpans++;
      fresh.push(span);
      if (old && old.spans.length > 0 && !counted.has(file)) {
        counted.add(file);
        files[file]!.setsWithSpans++;
        if (old.status === 'done') files[file]!.doneSetsWithSpans++;
      }
    }
    spanTotal += fresh.length;
    const base = old ?? { ...emptySet(target.docId, target.annotator), status: target.status, ...(target.note ? { note: target.note } : {}), timeSpentMs: target.timeSpentMs };
    const status = old && old.status === 'todo' ? { status: target.status, ...(target.note ? { note: target.note } : {}) } : statusOf(base);
    const set: AnnotationSet = { ...base, ...status, spans: sortSpans([...base.spans, ...fresh]), updatedAt: now };
    if (status.note === undefined) delete set.note;
    sets.push(set);
    const from = old ? statusOf(old) : { status: 'todo' as const };
    records.push({
      docId: target.docId,
      annotator: target.annotator,
      created: !old,
      spanIds: fresh.map((s) => s.id),
      labels: fresh.map((s) => s.label),
      ...(sameStatus(from, status) ? {} : { status: { from, to: status } }),
      lastSeq: head?.lastSeq ?? 0,
      prunedThrough: head?.prunedThrough ?? 0,
    });
  }
  const plan: ImportPlan = {
    files,
    added: documents.length,
    duplicates: files.reduce((n, f) => n + f.existingDocuments, 0),
    sets: sets.length,
    spans: spanTotal,
    identical: files.reduce((n, f) => n + f.identicalSpans, 0),
  };
  return { plan, documents, texts, tokenUpdates, sets, records };
}

const TABLES = (db: SpanlightDb) => [db.documents, db.texts, db.annotationSets, db.heads, db.ops, db.imports];

/** What importing `sources` would store, file by file (reads only; the preview's counts). */
export function planImport(db: SpanlightDb, sources: readonly ImportSource[]): Promise<ImportPlan> {
  return db.transaction('r', TABLES(db), async () => (await prepare(db, sources)).plan);
}

/** Stores `sources` in one transaction (all or nothing); with `record`, keeps what it added so it can be undone. */
export async function storeImport(db: SpanlightDb, sources: readonly ImportSource[], options: { record?: boolean } = {}): Promise<StoredImport> {
  const stored = await db.transaction('rw', TABLES(db), async () => {
    const { plan, documents, texts, tokenUpdates, sets, records } = await prepare(db, sources);
    await db.documents.bulkAdd(documents);
    await db.texts.bulkAdd(texts);
    await db.texts.bulkPut(tokenUpdates);
    await db.annotationSets.bulkPut(sets.map((set, i) => ({ ...set, through: records[i]!.lastSeq })));
    await db.heads.bulkPut(sets.map((set, i) => headOfSet(set, records[i]!.lastSeq, records[i]!.prunedThrough)));
    if (!options.record) return plan;
    const lastOp = await db.ops.orderBy(':id').last();
    const importId = await db.imports.add({
      at: Date.now(),
      files: plan.files.map((f) => ({ name: f.file, annotators: f.annotators })),
      createdDocs: documents.map((d) => d.id),
      sets: records.map(({ lastSeq: _l, prunedThrough: _p, ...record }) => record),
      seqAtImport: lastOp?.seq ?? 0,
    });
    return { ...plan, importId };
  });
  // Open views of these sets reload them.
  if (stored.sets > 0) announceSetChanges(db, [{ kind: 'reset-all' }]);
  return stored;
}

/** Who imported sets belong to (the single-choice form of `storeImport`). */
export interface ImportAnnotatorChoice {
  /** Annotator of sets whose file names none. */
  defaultAnnotator: string;
  /** When given, every imported set goes to this annotator, whatever the file says. */
  forceAnnotator?: string;
}

/** What an import stored. */
export interface ImportOutcome {
  /** New documents. */
  added: number;
  /** Documents whose text was already stored (not duplicated). */
  duplicates: number;
  /** Annotation sets created or merged. */
  sets: number;
  /** Spans added to sets. */
  spans: number;
  /** Identical spans skipped. */
  identical: number;
}

/** Stores documents (skipping texts already present) and adds their sets to the stored ones under one annotator choice. All or nothing. */
export async function importAnnotated(db: SpanlightDb, documents: readonly ImportedDocument[], choice: ImportAnnotatorChoice): Promise<ImportOutcome> {
  const force = choice.forceAnnotator !== undefined;
  const { added, duplicates, sets, spans, identical } = await storeImport(db, [{ file: '', documents, annotator: choice.forceAnnotator ?? choice.defaultAnnotator, force }]);
  return { added, duplicates, sets, spans, identical };
}
