/**
 * One document's disagreements as the agreement report lists them (its units where annotators
 * disagree, how many agree, its score), and the same for chosen documents on their own — a view
 * asks for the units of the document it opens instead of receiving every document's.
 */
import { unitSpans, visitUnits } from './disagreements.js';
import { prepareCorpus, type PrepareOptions, type PreparedDocument } from './prepare.js';
import type { AgreementInput, DisagreementUnit, DocumentDisagreements } from './types.js';

/** The disagreements of a prepared document; `listUnits` false keeps the counts only. */
export function disagreementsOf(entry: PreparedDocument, annotators: readonly string[], listUnits: boolean): DocumentDisagreements {
  const sets = annotators.flatMap((annotator, i) => (entry.sets[i] ? [{ annotator, spans: entry.sets[i]! }] : []));
  const units: DisagreementUnit[] = [];
  let agreed = 0;
  let score = 0;
  visitUnits(sets, (start, end, from, to, kind) => {
    if (kind === 'agreed') agreed++;
    else {
      score++;
      if (listUnits) units.push({ key: `${start}-${end}`, start, end, spans: unitSpans(sets, from, to), kind });
    }
  });
  const doc = entry.doc;
  return { docId: doc.id, hash: doc.hash, ...(doc.name !== undefined ? { name: doc.name } : {}), annotators: sets.map((s) => s.annotator), units, agreed, score };
}

/**
 * The disagreements (units listed) of the documents `docIds` (ids of the input; a document with
 * the same text under another id is the same), with the options of `computeAgreement` (pass its
 * `annotators`: by default only those who annotated these documents count). Documents fewer than
 * two annotators annotated have no disagreements and are not listed.
 */
export function documentDisagreements(input: AgreementInput, options: PrepareOptions & { docIds: readonly string[] }): DocumentDisagreements[] {
  const hashOf = new Map(input.documents.map((d) => [d.id, d.hash]));
  const wanted = new Set(options.docIds.flatMap((id) => (hashOf.has(id) ? [hashOf.get(id)!] : [])));
  const documents = input.documents.filter((d) => wanted.has(d.hash));
  const sets = input.sets.filter((s) => wanted.has(hashOf.get(s.docId) ?? ''));
  const corpus = prepareCorpus({ documents, sets }, options);
  return corpus.documents.filter((e) => e.present >= 2).map((e) => disagreementsOf(e, corpus.annotators, true));
}
