/** Stores imported documents and their annotation sets in one transaction: documents are matched by text hash, sets merged without losing stored spans. */
import type { AnnotationSet, Span } from '../../core/model';
import { sortSpans } from '../../core/model';
import type { ImportedDocument } from '../../core/formats/types';
import { textHash } from '../../core/text/hash';
import { documentTitle } from '../../core/formats/plaintext';
import type { DocumentRow, SpanlightDb } from './database';

/** Who imported sets belong to. */
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
}

function newSpanId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `i${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

const spanKey = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;

/** Stores documents (skipping texts already present) and merges their sets into the stored ones. All or nothing. */
export async function importAnnotated(db: SpanlightDb, documents: readonly ImportedDocument[], choice: ImportAnnotatorChoice): Promise<ImportOutcome> {
  return db.transaction('rw', db.documents, db.texts, db.annotationSets, async () => {
    const hashed = documents.map((doc) => ({ doc, hash: textHash(doc.text) }));
    const ids = [...new Set(hashed.map((h) => `doc-${h.hash}`))];
    const stored = new Set((await db.documents.bulkGet(ids)).filter((d): d is DocumentRow => d !== undefined).map((d) => d.id));
    const last = await db.documents.orderBy('order').last();
    let order = last ? last.order + 1 : 0;
    const rows: DocumentRow[] = [];
    const texts: { id: string; text: string }[] = [];
    const now = Date.now();
    let duplicates = 0;
    const incoming = new Map<string, AnnotationSet>();
    for (const { doc, hash } of hashed) {
      const id = `doc-${hash}`;
      if (stored.has(id)) duplicates++;
      else {
        stored.add(id);
        rows.push({ id, hash, title: documentTitle(doc.meta, doc.text), meta: doc.meta, order: order++, length: doc.text.length, importedAt: now });
        texts.push({ id, text: doc.text });
      }
      for (const set of doc.sets) {
        const annotator = choice.forceAnnotator ?? set.annotator ?? choice.defaultAnnotator;
        const key = `${id}\u0000${annotator}`;
        const target = incoming.get(key) ?? { docId: id, annotator, spans: [], status: set.status ?? 'todo', note: set.note, timeSpentMs: set.timeSpentMs ?? 0, updatedAt: now };
        const spans: Span[] = set.spans.map((s) => ({ id: newSpanId(), start: s.start, end: s.end, label: s.label, source: s.source, createdBy: annotator, createdAt: now, ...(s.note ? { note: s.note } : {}), ...(s.origin ? { origin: s.origin } : {}) }));
        incoming.set(key, { ...target, spans: [...target.spans, ...spans] });
      }
    }
    await db.documents.bulkAdd(rows);
    await db.texts.bulkAdd(texts);
    const sets = [...incoming.values()];
    const existing = await db.annotationSets.bulkGet(sets.map((s) => [s.docId, s.annotator] as [string, string]));
    let spanCount = 0;
    const merged = sets.map((set, i) => {
      const old = existing[i];
      const seen = new Set(old?.spans.map(spanKey) ?? []);
      const fresh = set.spans.filter((s) => {
        const k = spanKey(s);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
      spanCount += fresh.length;
      if (!old) return { ...set, spans: sortSpans(fresh) };
      return { ...old, spans: sortSpans([...old.spans, ...fresh]), status: old.status === 'todo' ? set.status : old.status, updatedAt: now };
    });
    await db.annotationSets.bulkPut(merged);
    return { added: rows.length, duplicates, sets: merged.length, spans: spanCount };
  });
}
