/**
 * Undo histories per annotator and document, kept for the life of the window: the annotate view is
 * rebuilt for every document, and going to the next document and back (or marking done) must not
 * throw the undo of the last edits away.
 */
import { SpanEditHistory } from '../../core/spans/edits';

const histories = new Map<string, SpanEditHistory>();

/** The undo history of `annotator`'s edits on `docId`, created empty on first use. */
export function editHistoryFor(annotator: string, docId: string): SpanEditHistory {
  const key = `${annotator}\u0000${docId}`;
  let history = histories.get(key);
  if (!history) histories.set(key, (history = new SpanEditHistory()));
  return history;
}
