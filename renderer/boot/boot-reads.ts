/**
 * Opening the workbench on the document it had open last, with the reads in parallel rather than one
 * after the other (annotator → project → documents → last document → text): all of them start at
 * once, the last document's text as soon as its id is known. Statuses for the document list wait
 * until the document is on screen, so reading every set does not hold up the first paint.
 */
import type { SpanlightDb, DocumentRow, ProjectRow } from '../db/database';
import { ensureProject, getAnnotatorName, getLastDocument, getProject, listDocuments, type ProjectSeed } from '../db/project-store';
import { getTextWithTokens } from '../db/texts';
import type { DocToken } from '../../core/model';

/** A document's text, with the tokens its file brought when it did. */
export interface ReadText {
  id: string;
  text: string;
  tokens?: DocToken[];
}
import { loadLabelsInText } from '../editor/labels-in-text';

/** Reads started when the app starts; each is used once, later reads go to the database again. */
export interface BootReads {
  annotator: Promise<string | null>;
  project: Promise<ProjectRow | undefined>;
  documents: Promise<DocumentRow[]>;
  lastDocument: Promise<string | null>;
  lastText: Promise<ReadText | null>;
  /** True once the workbench has been opened from these reads (a later open reads afresh). */
  used: boolean | 'start';
  /** The document whose text the first render already showed, until its text is asked for. */
  shownText: string | null;
  textUsed: boolean;
}

const started = new WeakMap<SpanlightDb, BootReads>();

/**
 * Starts the boot reads of `db` — in one read transaction — or returns those already started and not
 * yet used. Reads a workbench has opened from are stale for the next one (a project switched away
 * from and back to): it reads afresh.
 */
export function startBootReads(db: SpanlightDb): BootReads {
  const running = started.get(db);
  if (running && !running.used) return running;
  const all = db.transaction('r', [db.prefs, db.projects, db.documents, db.texts], () =>
    Promise.all([getAnnotatorName(db), getProject(db), listDocuments(db), getLastDocument(db), loadLabelsInText(db)]).then(async ([annotator, project, documents, last]) => {
      // A missing text is reported when that document is opened, not here.
      const read = last ? await getTextWithTokens(db, last).catch(() => null) : null;
      return { annotator, project, documents, last, lastText: last && read !== null ? { id: last, ...read } : null };
    }),
  );
  const reads: BootReads = {
    annotator: all.then((r) => r.annotator),
    project: all.then((r) => r.project),
    documents: all.then((r) => r.documents),
    lastDocument: all.then((r) => r.last),
    lastText: all.then((r) => r.lastText),
    used: false,
    shownText: null,
    textUsed: false,
  };
  started.set(db, reads);
  return reads;
}

/** What the workbench opens with: the project (created from the seed on first start), its documents, and the document to show. */
export interface OpenedWorkbench {
  project: ProjectRow;
  documents: DocumentRow[];
  /** The document open last, when it still exists, else the first one; null when there are none. */
  openId: string | null;
}

function openIdOf(documents: readonly DocumentRow[], last: string | null): string | null {
  return documents.some((d) => d.id === last) ? last : (documents[0]?.id ?? null);
}

/** Everything the first render needs to show the last document at once. */
export interface BootStart {
  annotator: string | null;
  /** Null on first start (no name or no project yet): then the workbench opens as usual. */
  workbench: OpenedWorkbench | null;
  text: ReadText | null;
}

/**
 * Waits for all the boot reads, so the app sets its state once and renders the document in one go
 * instead of through a screen per read. The workbench and text it returns count as opened.
 */
export async function bootStart(boot: BootReads): Promise<BootStart> {
  const [annotator, project, documents, last, lastText] = await Promise.all([boot.annotator, boot.project, boot.documents, boot.lastDocument, boot.lastText.catch(() => null)]);
  if (!annotator || !project) return { annotator, workbench: null, text: null };
  boot.used = 'start';
  const openId = openIdOf(documents, last);
  const text = lastText && lastText.id === openId ? lastText : null;
  if (text) {
    boot.textUsed = true;
    boot.shownText = text.id;
  }
  return { annotator, workbench: { project, documents, openId }, text };
}

/**
 * Opens the project for the annotator: from the boot reads the first time, from the database
 * afterwards; null when bootStart already opened it (nothing to change).
 */
export async function openWorkbench(db: SpanlightDb, boot: BootReads, seed: () => ProjectSeed): Promise<OpenedWorkbench | null> {
  if (boot.used === 'start') {
    boot.used = true;
    return null;
  }
  const fromBoot = !boot.used;
  boot.used = true;
  const [stored, listed, last] = fromBoot ? await Promise.all([boot.project, boot.documents, boot.lastDocument]) : [await getProject(db), null, await getLastDocument(db)];
  // First start: the project and its seed documents are created now, so the list is read after.
  const project = stored ?? (await ensureProject(db, seed()));
  const documents = stored && listed ? listed : await listDocuments(db);
  return { project, documents, openId: openIdOf(documents, last) };
}

/** The text (and tokens) of a document: the one read at start when it is the last document (once), else read now; null when the first render already has it. */
export function readText(db: SpanlightDb, boot: BootReads, docId: string): Promise<ReadText | null> {
  if (boot.shownText !== null) {
    const shown = boot.shownText === docId;
    boot.shownText = null;
    if (shown) return Promise.resolve(null);
  }
  if (!boot.textUsed) {
    boot.textUsed = true;
    return boot.lastText.then((read) => (read?.id === docId ? read : readNow(db, docId)));
  }
  return readNow(db, docId);
}

/** Resolves once a document has been painted (`spanlight:painted`), or after `maxWaitMs` when none is. */
export function afterDocumentShown(maxWaitMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('spanlight:painted', done);
      // Past the frame that showed it, so the reads that follow do not delay that frame.
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, maxWaitMs);
    window.addEventListener('spanlight:painted', done);
  });
}

let firstShown: Promise<void> | null = null;

/**
 * Resolves once the window has shown its first document (or after a second when none is), and stays
 * resolved: work the first screen does not need — the team's summaries, the profile's projects —
 * waits for it once, never again later.
 */
export function afterFirstDocumentShown(): Promise<void> {
  return (firstShown ??= afterDocumentShown());
}

function readNow(db: SpanlightDb, docId: string): Promise<ReadText> {
  return getTextWithTokens(db, docId).then((read) => ({ id: docId, ...read }));
}
