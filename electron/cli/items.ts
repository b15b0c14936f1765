/** Turns read documents into the (document, annotation set) items every writer consumes. */
import { spanFromImported } from '../../core/spans/imported.js';
import type { Span } from '../../core/model.js';
import { inSpanOrder } from '../../core/formats/interchange.js';
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
    const spans: Span[] = inSpanOrder(set.spans).map((s, i) => spanFromImported(s, `s${i + 1}`, annotator, now));
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
