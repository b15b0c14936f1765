/** Turns read documents into the (document, annotation set) items every writer consumes. */
import type { Span } from '../../core/model.js';
import { sortSpans } from '../../core/model.js';
import type { ExportItem, ImportedDocument } from '../../core/formats/types.js';
import { textHash } from '../../core/text/hash.js';

/** Annotator given to sets whose file names none. */
export const DEFAULT_ANNOTATOR = 'imported';

/** Document id: the file's own id when it has one, else derived from the text hash (as the app does). */
export function documentId(doc: ImportedDocument): string {
  const id = doc.meta['id'];
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return `doc-${textHash(doc.text)}`;
}

/** One item per annotation set of the document (one with no spans when it has none). */
export function toItems(doc: ImportedDocument, defaultAnnotator = DEFAULT_ANNOTATOR, now = Date.now()): ExportItem[] {
  const base: ExportItem['doc'] = { id: documentId(doc), text: doc.text, meta: doc.meta };
  if (doc.tokens) base.tokens = doc.tokens;
  if (doc.sets.length === 0) {
    return [{ doc: base, set: { docId: base.id, annotator: defaultAnnotator, spans: [], status: 'todo', timeSpentMs: 0, updatedAt: now } }];
  }
  return doc.sets.map((set) => {
    const annotator = set.annotator ?? defaultAnnotator;
    const spans: Span[] = sortSpans(set.spans).map((s, i) => ({
      id: `s${i + 1}`,
      start: s.start,
      end: s.end,
      label: s.label,
      source: s.source,
      createdBy: annotator,
      createdAt: now,
      ...(s.note !== undefined ? { note: s.note } : {}),
      ...(s.score !== undefined ? { score: s.score } : {}),
      ...(s.answer !== undefined ? { answer: s.answer } : {}),
      ...(s.extra !== undefined ? { extra: s.extra } : {}),
    }));
    return {
      doc: base,
      set: {
        docId: base.id,
        annotator,
        spans,
        status: set.status ?? 'done',
        ...(set.note !== undefined ? { note: set.note } : {}),
        timeSpentMs: set.timeSpentMs ?? 0,
        updatedAt: now,
      },
    };
  });
}
