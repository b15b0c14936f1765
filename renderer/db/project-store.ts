/**
 * Reads and writes of the project, its documents and preferences; the annotation-set reads other
 * views use are re-exported from `set-reads.ts` and `set-log.ts`. Every write is one transaction:
 * all or nothing.
 */
import type { AnnotationSet, LabelDef, ProjectSettings } from '../../core/model';
import type { ImportedDocument } from '../../core/formats/types';
import type { DocumentRow, ProjectRow, SpanlightDb } from './database';
import { importAnnotated } from './import-store';
import { putWholeSet } from './set-log';

export { emptySet } from './set-log';
export { getSet, statusesFor, summariesByDocument, annotatorsOf, countDone, listAnnotators, loadExportItems, type ExportSelection, type SetSummary } from './set-reads';
export { getText, getTokens, getTextWithTokens } from './texts';

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

/**
 * Corrects the current annotator's name: their sets (rows, heads and logged edits, so the undo
 * history stays) and span authorship move to the new name, which must have none yet.
 */
export async function renameAnnotator(db: SpanlightDb, name: string): Promise<void> {
  const clean = annotatorNameOrThrow(name);
  await db.transaction('rw', [db.prefs, db.annotationSets, db.heads, db.ops], async () => {
    const previous = await getAnnotatorName(db);
    if (previous && previous !== clean) {
      const clash = await db.heads.where('annotator').equals(clean).count();
      if (clash > 0) throw new Error(`"${clean}" already has annotations; to annotate as ${clean}, choose “Another person” instead.`);
      const author = (spans: AnnotationSet['spans']) => spans.map((sp) => (sp.createdBy === previous ? { ...sp, createdBy: clean } : sp));
      const rows = await db.annotationSets.where('annotator').equals(previous).toArray();
      await db.annotationSets.bulkDelete(rows.map((s) => [s.docId, s.annotator] as [string, string]));
      await db.annotationSets.bulkPut(rows.map((s) => ({ ...s, annotator: clean, spans: author(s.spans) })));
      const heads = await db.heads.where('annotator').equals(previous).toArray();
      await db.heads.bulkDelete(heads.map((h) => [h.docId, h.annotator] as [string, string]));
      await db.heads.bulkPut(heads.map((h) => ({ ...h, annotator: clean })));
      const renamed = (span: AnnotationSet['spans'][number] | null) => (span && span.createdBy === previous ? { ...span, createdBy: clean } : span);
      await db.ops
        .filter((o) => o.annotator === previous)
        .modify((o) => {
          o.annotator = clean;
          if (o.op.span) o.op.span = { before: renamed(o.op.span.before), after: renamed(o.op.span.after) };
        });
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
  return db.transaction('rw', [db.projects, db.documents, db.texts, db.annotationSets, db.heads, db.ops, db.imports], async () => {
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

/** Stores a whole set as the truth (its row and head; edits go through the set's log instead). */
export async function saveSet(db: SpanlightDb, set: AnnotationSet): Promise<void> {
  await putWholeSet(db, set);
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
