/** Reads and writes of the project, its documents and annotation sets. Every write is one transaction: all or nothing. */
import type { AnnotationSet, DocStatus, LabelDef, ProjectSettings } from '../../core/model';
import type { ExportItem, ImportedDocument } from '../../core/formats/types';
import type { DocumentRow, ProjectRow, SpanlightDb } from './database';
import { importAnnotated } from './import-store';

/** The id of the single project a database holds. */
export const PROJECT_ID = 'default';
const ANNOTATOR_KEY = 'annotator';

/** What a new project starts with. */
export interface ProjectSeed {
  name: string;
  labels: LabelDef[];
  guidelines: string;
  settings: ProjectSettings;
  documents: ImportedDocument[];
}

/** The outcome of an import. */
export interface ImportOutcome {
  added: number;
  duplicates: number;
}

/** The annotator name, or null before the first start. */
export async function getAnnotatorName(db: SpanlightDb): Promise<string | null> {
  const row = await db.prefs.get(ANNOTATOR_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/** A name annotations can carry: trimmed, not empty, not `gold` or `model:*`; throws with the reason otherwise. */
function annotatorNameOrThrow(name: string): string {
  const clean = name.trim();
  if (!clean) throw new Error('The annotator name cannot be empty.');
  if (clean === 'gold' || clean.startsWith('model:')) throw new Error(`"${clean}" is reserved for adjudicated and model annotations.`);
  return clean;
}

/**
 * Who annotates from now on (first start, or another person on this machine): each annotator keeps
 * their own sets, and switching back to a name finds its annotations again.
 */
export async function switchAnnotator(db: SpanlightDb, name: string): Promise<void> {
  await db.prefs.put({ key: ANNOTATOR_KEY, value: annotatorNameOrThrow(name) });
}

/** Corrects the current annotator's name: their sets and span authorship move to the new name, which must have none yet. */
export async function renameAnnotator(db: SpanlightDb, name: string): Promise<void> {
  const clean = annotatorNameOrThrow(name);
  await db.transaction('rw', db.prefs, db.annotationSets, async () => {
    const previous = await getAnnotatorName(db);
    if (previous && previous !== clean) {
      const clash = await db.annotationSets.where('annotator').equals(clean).count();
      if (clash > 0) throw new Error(`"${clean}" already has annotations; to annotate as ${clean}, choose “Another person” instead.`);
      const sets = await db.annotationSets.where('annotator').equals(previous).toArray();
      await db.annotationSets.bulkDelete(sets.map((s) => [s.docId, s.annotator] as [string, string]));
      await db.annotationSets.bulkPut(
        sets.map((s) => ({
          ...s,
          annotator: clean,
          spans: s.spans.map((sp) => (sp.createdBy === previous ? { ...sp, createdBy: clean } : sp)),
        })),
      );
    }
    await db.prefs.put({ key: ANNOTATOR_KEY, value: clean });
  });
}

const LAST_DOCUMENT_KEY = 'lastDocument';

/** The document the annotator had open last, so a reload or restart returns to it; null when none. */
export async function getLastDocument(db: SpanlightDb): Promise<string | null> {
  const row = await db.prefs.get(LAST_DOCUMENT_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/** Remembers the open document. */
export async function setLastDocument(db: SpanlightDb, docId: string): Promise<void> {
  await db.prefs.put({ key: LAST_DOCUMENT_KEY, value: docId });
}

/** The project, or undefined before the first start. */
export function getProject(db: SpanlightDb): Promise<ProjectRow | undefined> {
  return db.projects.get(PROJECT_ID);
}

/** Creates the project with its seed documents, unless it already exists. */
export async function ensureProject(db: SpanlightDb, seed: ProjectSeed): Promise<ProjectRow> {
  return db.transaction('rw', [db.projects, db.documents, db.texts, db.annotationSets], async () => {
    const existing = await db.projects.get(PROJECT_ID);
    if (existing) return existing;
    const project: ProjectRow = {
      id: PROJECT_ID,
      name: seed.name,
      labels: seed.labels,
      guidelines: seed.guidelines,
      settings: seed.settings,
      createdAt: Date.now(),
    };
    await db.projects.add(project);
    await importDocuments(db, seed.documents);
    return project;
  });
}

/** Stores new documents in one transaction, skipping any whose text hash is already present. */
export async function importDocuments(db: SpanlightDb, documents: readonly ImportedDocument[]): Promise<ImportOutcome> {
  const { added, duplicates } = await importAnnotated(db, documents.map((d) => ({ ...d, sets: [] })), { defaultAnnotator: '' });
  return { added, duplicates };
}

/** All documents in list order. */
export function listDocuments(db: SpanlightDb): Promise<DocumentRow[]> {
  return db.documents.orderBy('order').toArray();
}

/** The text of a document. */
export async function getText(db: SpanlightDb, docId: string): Promise<string> {
  const row = await db.texts.get(docId);
  if (!row) throw new Error(`Document ${docId} has no stored text.`);
  return row.text;
}

/** An annotator's set for a document, or an empty one. */
export async function getSet(db: SpanlightDb, docId: string, annotator: string): Promise<AnnotationSet> {
  return (await db.annotationSets.get([docId, annotator])) ?? emptySet(docId, annotator);
}

/** A fresh set with no spans. */
export function emptySet(docId: string, annotator: string): AnnotationSet {
  return { docId, annotator, spans: [], status: 'todo', timeSpentMs: 0, updatedAt: 0 };
}

/** Stores a set (strict durability: resolved once it is on disk). */
export async function saveSet(db: SpanlightDb, set: AnnotationSet): Promise<void> {
  await db.annotationSets.put(set);
}

/** Status of every document for one annotator. */
export async function statusesFor(db: SpanlightDb, annotator: string): Promise<Map<string, { status: DocStatus; spans: number; note?: string }>> {
  const sets = await db.annotationSets.where('annotator').equals(annotator).toArray();
  return new Map(sets.map((s) => [s.docId, { status: s.status, spans: s.spans.length, note: s.note }]));
}

/** Ids of documents whose text contains `query`, ignoring case and accents. */
export async function searchTexts(db: SpanlightDb, query: string): Promise<Set<string>> {
  const needle = foldForSearch(query);
  const ids = new Set<string>();
  await db.texts.each((row) => {
    if (foldForSearch(row.text).includes(needle)) ids.add(row.id);
  });
  return ids;
}

/** Text folded for search: case and accents ignored ("sebastopol" finds "Sébastopol"), ligature-free compatibility forms. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
}

/** Annotators who have a set on `docId` (gold, model:*, colleagues), sorted; reads keys only, never the spans. */
export async function annotatorsOf(db: SpanlightDb, docId: string): Promise<string[]> {
  const keys = await db.annotationSets.where('docId').equals(docId).primaryKeys();
  return keys.map(([, annotator]) => annotator).sort((a, b) => a.localeCompare(b));
}

/** How many documents there are, and how many of them `annotator` (or anyone, when null) marked done. */
export async function countDone(db: SpanlightDb, annotator: string | null): Promise<{ total: number; done: number }> {
  const total = await db.documents.count();
  const sets = annotator ? db.annotationSets.where('annotator').equals(annotator) : db.annotationSets.toCollection();
  const done = new Set<string>();
  await sets.each((set) => {
    if (set.status === 'done') done.add(set.docId);
  });
  return { total, done: done.size };
}

/** Every annotator that has a set in the project. */
export async function listAnnotators(db: SpanlightDb): Promise<string[]> {
  const keys = await db.annotationSets.orderBy('annotator').uniqueKeys();
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

/** Loads documents with their sets for an export, in list order. */
export async function loadExportItems(db: SpanlightDb, selection: ExportSelection): Promise<ExportItem[]> {
  const docs = await listDocuments(db);
  const sets = selection.annotator
    ? await db.annotationSets.where('annotator').equals(selection.annotator).toArray()
    : await db.annotationSets.toArray();
  const byDoc = new Map<string, AnnotationSet[]>();
  for (const set of sets) {
    if (selection.doneOnly && set.status !== 'done') continue;
    const list = byDoc.get(set.docId) ?? [];
    list.push(set);
    byDoc.set(set.docId, list);
  }
  const items: ExportItem[] = [];
  const wanted = docs.filter((doc) => byDoc.has(doc.id) || !selection.doneOnly);
  // One read for every text, not one round trip per document.
  const texts = await db.texts.bulkGet(wanted.map((d) => d.id));
  wanted.forEach((doc, i) => {
    const text = texts[i]?.text;
    if (text === undefined) throw new Error(`Document ${doc.id} has no stored text.`);
    const docSets = byDoc.get(doc.id) ?? [emptySet(doc.id, selection.annotator ?? selection.fallbackAnnotator)];
    for (const set of docSets.sort((a, b) => a.annotator.localeCompare(b.annotator))) {
      items.push({ doc: { id: doc.id, text, meta: doc.meta }, set });
    }
  });
  return items;
}
