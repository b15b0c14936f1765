/** Builders of small agreement inputs for the tests. */
import { textHash } from '../../../core/text/hash';
import type { AgreementDocument, AgreementSet, AgreementSpan } from '../../../core/agreement/types';
import type { DocStatus } from '../../../core/model';

/** A document from its text (id given, hash of the text). */
export function doc(id: string, text: string): AgreementDocument {
  return { id, hash: textHash(text), length: text.length, text };
}

/** A span over the first occurrence of `words` in `text` (after `from`). */
export function over(text: string, words: string, label: string, id = `${label}-${words}`, from = 0): AgreementSpan {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { id, start, end: start + words.length, label };
}

/** A set of spans. */
export function set(docId: string, annotator: string, spans: AgreementSpan[], status: DocStatus = 'done'): AgreementSet {
  return { docId, annotator, status, spans };
}
