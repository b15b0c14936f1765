/** The workbench shell: first start, top bar, document list, annotate view, guidelines, import and export. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnnotationSet, DocStatus, LabelDef } from '../core/model';
import type { SpanlightDb, DocumentRow, ProjectRow } from './db/database';
import { listDocuments, renameAnnotator, searchTexts, setLastDocument, statusesFor, switchAnnotator } from './db/project-store';
import { afterDocumentShown, bootStart, openWorkbench, readText, startBootReads } from './boot/boot-reads';
import { seedProject } from './seeds';
import { AnnotateView } from './annotate/AnnotateView';
import { DocumentList, type DocStatusInfo } from './documents/DocumentList';
import { NameDialog } from './shell/NameDialog';
import { whenWritten } from './db/pending-writes';
import { MessageArea, type Message } from './shell/MessageArea';
import { useFileImport } from './import/use-file-import';
import { ExportDialog, GuidelinesPanel, ImportDialog } from './boot/lazy-views';
import { useKeysWhileOpening } from './documents/use-keys-while-opening';

/** Props of the app. */
export interface AppProps {
  db: SpanlightDb;
}

type Dialog = 'rename' | 'export' | null;

const NO_LABELS: readonly LabelDef[] = [];

/** Root component. */
export function App({ db }: AppProps) {
  const [annotator, setAnnotator] = useState<string | null | undefined>(undefined);
  const [project, setProject] = useState<ProjectRow | null>(null);
  const [documents, setDocuments] = useState<DocumentRow[]>([]);
  const [statuses, setStatuses] = useState<Map<string, DocStatusInfo>>(new Map());
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [text, setText] = useState<{ id: string; text: string } | null>(null);
  const [filter, setFilter] = useState<DocStatus | 'all'>('all');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Set<string> | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [showGuidelines, setShowGuidelines] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  /** Counts completed imports; the annotate view is rebuilt (and reloads its set) after each. */
  const [imports, setImports] = useState(0);
  /** Whose annotations the annotate view shows; null: the user's own. */
  const [shown, setShown] = useState<string | null>(null);
  /** The reads that open the workbench, started together at once (see renderer/boot). */
  const [boot] = useState(() => startBootReads(db));

  const onMessage = useCallback((text: string, kind: 'error' | 'info' = 'info') => setMessage({ text, kind, at: Date.now() }), []);
  const fail = useCallback((what: string) => (error: unknown) => onMessage(`${what}: ${error instanceof Error ? error.message : String(error)}`, 'error'), [onMessage]);

  const reloadDocuments = useCallback(async () => {
    setDocuments(await listDocuments(db));
  }, [db]);

  useEffect(() => {
    bootStart(boot).then(({ annotator: name, workbench, text: first }) => {
      // One render shows the last document: every state it needs is set together.
      if (workbench) {
        setProject(workbench.project);
        setDocuments(workbench.documents);
        setCurrentId(workbench.openId);
      }
      if (first) setText(first);
      setAnnotator(name);
    }, fail('Could not open the database'));
  }, [boot, fail]);

  useEffect(() => {
    if (!annotator) return;
    openWorkbench(db, boot, seedProject)
      .then(async (opened) => {
        if (opened) {
          setProject(opened.project);
          setDocuments(opened.documents);
          setCurrentId((id) => id ?? opened.openId);
        }
        await afterDocumentShown();
        setStatuses(await statusesFor(db, annotator));
      })
      .catch(fail('Could not open the project'));
  }, [db, boot, annotator, fail]);

  useEffect(() => {
    if (!currentId) return;
    setLastDocument(db, currentId).catch(fail('Could not remember the open document'));
    let cancelled = false;
    readText(db, boot, currentId).then((t) => !cancelled && t !== null && setText({ id: currentId, text: t }), fail('Could not open the document'));
    return () => {
      cancelled = true;
    };
  }, [db, boot, currentId, fail]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setMatches(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      searchTexts(db, q).then((ids) => !cancelled && setMatches(ids), fail('Search failed'));
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [db, query, fail]);

  const visibleIds = useMemo(
    () =>
      documents
        .filter((d) => filter === 'all' || (statuses.get(d.id)?.status ?? 'todo') === filter)
        .filter((d) => !matches || matches.has(d.id))
        .map((d) => d.id),
    [documents, statuses, filter, matches],
  );

  const onStored = useCallback((set: AnnotationSet) => {
    setStatuses((prev) => new Map(prev).set(set.docId, { status: set.status, spans: set.spans.length, note: set.note }));
  }, []);

  const navigate = useCallback(
    (step: 1 | -1) => {
      const order = visibleIds.length ? visibleIds : documents.map((d) => d.id);
      const at = currentId ? order.indexOf(currentId) : -1;
      const next = order[at + step];
      if (next) setCurrentId(next);
      else onMessage(step > 0 ? 'This is the last document.' : 'This is the first document.', 'info');
    },
    [visibleIds, documents, currentId, onMessage],
  );

  const { reading, pending, clearPending, pickFiles, pickFolder, dropHandlers } = useFileImport(onMessage);
  const current = documents.find((d) => d.id === currentId) ?? null;
  const opening = current !== null && (text?.id !== current.id || !project);
  useKeysWhileOpening(opening && dialog === null && pending === null, project?.labels ?? NO_LABELS, navigate, onMessage);

  if (annotator === undefined) return <p className="loading">Opening Spanlight…</p>;
  if (annotator === null) {
    return (
      <NameDialog
        initial=""
        firstRun
        onSubmit={async (name) => {
          await switchAnnotator(db, name);
          setAnnotator(name.trim());
        }}
      />
    );
  }
  return (
    <div className="app" {...dropHandlers}>
      <header className="top-bar">
        <span className="brand">Spanlight</span>
        <span className="project-name">{project?.name ?? ''}</span>
        <span className="top-gap" />
        <button type="button" onClick={() => void pickFiles()} disabled={reading}>
          Import files…
        </button>
        <button type="button" onClick={() => void pickFolder()} disabled={reading}>
          Import folder…
        </button>
        <button type="button" onClick={() => setDialog('export')}>
          Export…
        </button>
        <button type="button" aria-pressed={showGuidelines} onClick={() => setShowGuidelines((v) => !v)}>
          Guidelines
        </button>
        <button type="button" className="annotator" onClick={() => setDialog('rename')} aria-label={`Annotator: ${annotator} (change annotator or name)`}>
          Annotator: {annotator}
        </button>
      </header>
      {reading && <progress className="top-progress" aria-label="Reading files" />}
      <MessageArea message={message} onDismiss={() => setMessage(null)} />
      <div className="workspace">
        <DocumentList
          documents={documents}
          statuses={statuses}
          currentId={currentId}
          filter={filter}
          query={query}
          visibleIds={visibleIds}
          onFilter={setFilter}
          onQuery={setQuery}
          onOpen={setCurrentId}
        />
        <main className="annotate-area" aria-label="Annotate">
          {current && project && text && text.id === current.id ? (
            <AnnotateView
              key={`${current.id}:${imports}`}
              db={db}
              docId={current.id}
              title={current.title}
              text={text.text}
              annotator={shown ?? annotator}
              self={annotator}
              onShow={(name) => setShown(name === annotator ? null : name)}
              labels={project.labels}
              settings={project.settings}
              position={{ index: documents.indexOf(current), total: documents.length }}
              onStored={onStored}
              onMessage={onMessage}
              onNavigate={navigate}
              keysEnabled={dialog === null && pending === null}
            />
          ) : (
            <p className="empty">{documents.length ? 'Opening document…' : 'Import documents to start.'}</p>
          )}
        </main>
        {showGuidelines && project && <GuidelinesPanel markdown={project.guidelines} onClose={() => setShowGuidelines(false)} />}
      </div>
      {dialog === 'rename' && (
        <NameDialog
          initial={annotator}
          firstRun={false}
          onCancel={() => setDialog(null)}
          onSubmit={async (name, change) => {
            const next = name.trim();
            // An edit made just before still belongs to the current name: let it be stored first.
            await whenWritten();
            await (change === 'switch' ? switchAnnotator(db, next) : renameAnnotator(db, next));
            setAnnotator(next);
            setShown(null);
            setDialog(null);
            onMessage(change === 'switch' ? `Annotating as ${next}; ${annotator}’s annotations stay under ${annotator}.` : `Renamed: ${annotator}’s annotations are now ${next}’s.`, 'info');
          }}
        />
      )}
      {pending && project && (
        <ImportDialog
          db={db}
          files={pending}
          annotator={annotator}
          knownLabels={new Set(project.labels.map((l) => l.name))}
          onClose={clearPending}
          onImported={(summary) => {
            clearPending();
            onMessage(summary, 'info');
            // The open document may have gained spans: its view reloads them rather than keep (and later save) a stale copy.
            setImports((n) => n + 1);
            reloadDocuments()
              .then(async () => setStatuses(await statusesFor(db, annotator)))
              .catch(fail('Could not reload the documents'));
          }}
        />
      )}
      {dialog === 'export' && <ExportDialog db={db} annotator={annotator} onClose={() => setDialog(null)} onMessage={onMessage} />}
    </div>
  );
}
