/**
 * The lead's corpus: every document with every annotator's set, as the agreement engine reads them
 * (documents, sets) and as the views show them (titles, texts, whole sets with span origins).
 * Built from `loadExportItems` so it reads whatever the storage keeps.
 */
import type { AgreementDocument, AgreementSet } from '../../core/agreement/types';
import type { ExportItem } from '../../core/formats/types';
import { documentTitle } from '../../core/formats/plaintext';
import { GOLD_ANNOTATOR, type AnnotationSet, type DocStatus } from '../../core/model';

/** What kind of annotator a name is. */
export type AnnotatorKind = 'person' | 'gold' | 'model';

/** An annotator of the corpus and how much they did. */
export interface AnnotatorInfo {
  name: string;
  kind: AnnotatorKind;
  /** Documents with a set of theirs. */
  sets: number;
  /** Of those, sets marked done. */
  done: number;
}

/** Documents and sets, indexed for the views. */
export interface LeadCorpus {
  /** In list order. */
  documents: AgreementDocument[];
  sets: AgreementSet[];
  titles: Map<string, string>;
  texts: Map<string, string>;
  /** Whole sets (with span origins and notes) by document, then annotator. */
  setsByDoc: Map<string, Map<string, AnnotationSet>>;
  annotators: AnnotatorInfo[];
}

/** The kind of an annotator name: `gold`, `model:*`, or a person. */
export function annotatorKind(name: string): AnnotatorKind {
  if (name === GOLD_ANNOTATOR) return 'gold';
  return name.startsWith('model:') ? 'model' : 'person';
}

const KIND_ORDER: Record<AnnotatorKind, number> = { person: 0, gold: 1, model: 2 };

/** Annotators sorted: people, then gold, then models, each by name. */
export function sortAnnotators<T extends { name: string; kind: AnnotatorKind }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name));
}

/**
 * Builds the corpus from export items (documents with their sets). Sets of the placeholder
 * annotator `placeholder` (documents nobody annotated) are left out. Within one database a text is
 * stored once, so a document's id stands for its text hash.
 */
export function buildCorpus(items: readonly ExportItem[], placeholder = ''): LeadCorpus {
  const documents: AgreementDocument[] = [];
  const sets: AgreementSet[] = [];
  const titles = new Map<string, string>();
  const texts = new Map<string, string>();
  const setsByDoc = new Map<string, Map<string, AnnotationSet>>();
  const counts = new Map<string, { sets: number; done: number }>();
  for (const { doc, set } of items) {
    if (!texts.has(doc.id)) {
      const name = documentTitle(doc.meta, doc.text);
      documents.push({ id: doc.id, hash: doc.id, length: doc.text.length, text: doc.text, name, ...(doc.tokens ? { tokens: doc.tokens } : {}) });
      titles.set(doc.id, name);
      texts.set(doc.id, doc.text);
      setsByDoc.set(doc.id, new Map());
    }
    if (set.annotator === placeholder) continue;
    setsByDoc.get(doc.id)!.set(set.annotator, set);
    sets.push({ docId: doc.id, annotator: set.annotator, status: set.status, spans: set.spans.map((s) => ({ id: s.id, start: s.start, end: s.end, label: s.label })) });
    const c = counts.get(set.annotator) ?? { sets: 0, done: 0 };
    c.sets++;
    if (set.status === 'done') c.done++;
    counts.set(set.annotator, c);
  }
  const annotators = sortAnnotators([...counts].map(([name, c]) => ({ name, kind: annotatorKind(name), ...c })));
  return { documents, sets, titles, texts, setsByDoc, annotators };
}

/** The statuses that count: done only, or every status but todo (sets someone worked on). */
export function countedStatuses(includeUnfinished: boolean): DocStatus[] {
  return includeUnfinished ? ['done', 'in_progress', 'flagged', 'skipped'] : ['done'];
}

/**
 * The annotators chosen by default: the people with at least one counted set when two or more
 * have one; otherwise everyone with a counted set (people, gold and models).
 */
export function defaultAnnotators(annotators: readonly AnnotatorInfo[], includeUnfinished: boolean): string[] {
  const counted = annotators.filter((a) => (includeUnfinished ? a.sets > 0 : a.done > 0));
  const people = counted.filter((a) => a.kind === 'person');
  return (people.length >= 2 ? people : counted).map((a) => a.name);
}
