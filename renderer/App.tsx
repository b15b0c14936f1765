/** The workbench shell: first start, top bar, document list, annotate view, guidelines, import and export. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LabelDef } from '../core/model';
import type { SpanlightDb, DocumentRow, ProjectRow } from './db/database';
import { listDocuments, renameAnnotator, setLastDocument, switchAnnotator } from './db/project-store';
import { bootStart, openWorkbench, startBootReads } from './boot/boot-reads';
import { seedProject } from './seeds';
import { AnnotateView } from './annotate/AnnotateView';
import { DocumentList } from './documents/DocumentList';
import { useDocumentList } from './documents/use-document-list';
import { NameDialog } from './shell/NameDialog';
import { whenAllSaved } from './db/unsaved-guard';
import { MessageArea, type Message } from './shell/MessageArea';
import { useFileImport } from './import/use-file-import';
import { ExportDialog, GuidelinesPanel, ImportDialog } from './boot/lazy-views';
import { useKeysWhileOpening } from './documents/use-keys-while-opening';
import { useOpenText } from './documents/use-open-text';
import { usePanelState } from './layout/panels';
import { SkipLink, SKIP_TARGET_ID } from './layout/SkipLink';
import { TopBar } from './shell/TopBar';
import { ShortcutSheet } from './shell/ShortcutSheet';
import { useShortcutKeys } from './annotate/use-shortcut-keys';
import { BackupButton } from './backup/BackupButton';
import { ViewSwitcher } from './lead/ViewSwitcher';
import { LeadArea } from './lead/LeadArea';
import type { ViewId } from './lead/views';
import type { PickedFile } from '../electron/bridge-contract';
import { ProjectMenu } from './projects/ProjectMenu';
import type { SwitchProject } from './projects/ProjectHost';
import { useProjectUpdates } from './projects/use-project-updates';
import { addLabels } from './db/project-schema';

/** Props of the app. */
export interface AppProps {
  db: SpanlightDb;
  /** Opens another project of the profile (see `renderer/projects/ProjectHost.tsx`). */
  onSwitchProject?: SwitchProject;
  /** Files to preview for import once the project is open (chosen when it was created). */
  initialImport?: PickedFile[] | null;
}

type Dialog = 'rename' | 'export' | 'shortcuts' | null;

const NO_LABELS: readonly LabelDef[] = [];

/** Root component. */
export function App({ db, onSwitchProject, initialImport = null }: AppProps) {
  const [annotator, setAnnotator] = useState<string | null | undefined>(undefined);
  const [project, setProject] = useState<ProjectRow | null>(null);
  const [documents, setDocuments] = useState<DocumentRow[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<Message | null>(null);
  /** Counts completed imports; the annotate view is rebuilt (and reloads its set) after each. */
  const [imports, setImports] = useState(0);
  /** Whose annotations the annotate view shows; null: the user's own. */
  const [shown, setShown] = useState<string | null>(null);
  /** The label every drag or double-click tags with (label-first mode), until Escape; null: select first, then choose a label. */
  const [labelFirst, setLabelFirst] = useState<string | null>(null);
  /** The document whose text takes the keyboard focus once shown (after N, P, Mark done, a click in the list…). */
  const [focusDoc, setFocusDoc] = useState<string | null>(null);
  const panels = usePanelState();
  /** Annotate, or one of the lead's views (agreement, adjudicate, audit). */
  const [view, setView] = useState<ViewId>('annotate');
  /** The reads that open the workbench, started together at once (see renderer/boot). */
  const [boot] = useState(() => startBootReads(db));

  const onMessage = useCallback((text: string, kind: 'error' | 'info' = 'info') => setMessage({ text, kind, at: Date.now() }), []);
  const fail = useCallback((what: string) => (error: unknown) => onMessage(`${what}: ${error instanceof Error ? error.message : String(error)}`, 'error'), [onMessage]);

  const reloadDocuments = useCallback(async () => {
    const docs = await listDocuments(db);
    setDocuments(docs);
    // A project that had no documents opens its first one once it has some.
    setCurrentId((id) => id ?? docs[0]?.id ?? null);
  }, [db]);

  const onNothingHere = useCallback((name: string) => {
    setShown(null);
    onMessage(`${name} has no annotations on this document: showing yours.`, 'info');
  }, [onMessage]);
  const failOpen = useMemo(() => fail('Could not open the document'), [fail]);
  const [text, setText] = useOpenText(db, boot, currentId, shown, onNothingHere, failOpen);

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
  }, [boot, fail, setText]);

  useEffect(() => {
    if (!annotator) return;
    openWorkbench(db, boot, seedProject)
      .then((opened) => {
        if (!opened) return;
        setProject(opened.project);
        setDocuments(opened.documents);
        setCurrentId((id) => id ?? opened.openId);
      })
      .catch(fail('Could not open the project'));
  }, [db, boot, annotator, fail]);

  useEffect(() => {
    if (currentId) setLastDocument(db, currentId).catch(fail('Could not remember the open document'));
  }, [db, currentId, fail]);

  const list = useDocumentList(db, documents, annotator ?? '', fail);
  const { visibleIds, applyStored: onStored } = list;

  const open = useCallback((docId: string) => {
    setCurrentId(docId);
    setFocusDoc(docId);
  }, []);

  const navigate = useCallback(
    (step: 1 | -1) => {
      const order = visibleIds.length ? visibleIds : documents.map((d) => d.id);
      const at = currentId ? order.indexOf(currentId) : -1;
      const next = order[at + step];
      if (next) open(next);
      else onMessage(step > 0 ? 'This is the last document.' : 'This is the first document.', 'info');
    },
    [visibleIds, documents, currentId, onMessage, open],
  );

  const fileImport = useFileImport(onMessage);
  const { reading, pickFiles, pickFolder, dropHandlers } = fileImport;
  // Files chosen when the project was created are previewed first.
  const [startFiles, setStartFiles] = useState(initialImport);
  const pending = fileImport.pending ?? startFiles;
  const clearPending = useCallback(() => {
    setStartFiles(null);
    fileImport.clearPending();
  }, [fileImport]);
  useProjectUpdates(db, setProject, useMemo(() => fail('Could not read the project'), [fail]));
  // A label renamed or deleted meanwhile is not one to tag with any more.
  useEffect(() => {
    if (labelFirst && project && !project.labels.some((l) => l.name === labelFirst)) setLabelFirst(null);
  }, [project, labelFirst]);
  const current = documents.find((d) => d.id === currentId) ?? null;
  const opening = current !== null && (text?.id !== current.id || !project);
  useKeysWhileOpening(view === 'annotate' && opening && dialog === null && pending === null, project?.labels ?? NO_LABELS, navigate, onMessage);
  useShortcutKeys(view === 'annotate' && dialog === null && pending === null, project?.labels ?? NO_LABELS, { help: () => (setDialog('shortcuts'), true) });
  const switchView = useCallback((next: ViewId) => {
    setView(next);
    // Back in the annotate view, the keyboard goes back into the text.
    if (next === 'annotate') setFocusDoc(currentId);
  }, [currentId]);

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
    <div className="app" data-view={view} {...dropHandlers}>
      <SkipLink />
      <TopBar
        panels={panels}
        project={<ProjectMenu db={db} project={project} annotator={annotator} onSwitchProject={onSwitchProject} onMessage={onMessage} />}
        annotator={annotator}
        fileActions={[
          { label: 'Import files…', onSelect: () => void pickFiles(), disabled: reading },
          { label: 'Import folder…', onSelect: () => void pickFolder(), disabled: reading },
        ]}
        extra={<BackupButton db={db} onMessage={onMessage} />}
        onExport={() => setDialog('export')}
        onShortcuts={() => setDialog('shortcuts')}
        onAnnotator={() => setDialog('rename')}
        views={<ViewSwitcher view={view} onView={switchView} />}
      />
      {reading && <progress className="top-progress" aria-label="Reading files" />}
      <MessageArea message={message} onDismiss={() => setMessage(null)} />
      {view !== 'annotate' ? (
        <div className="workspace">
          <LeadArea view={view} onView={switchView} db={db} self={annotator} labels={project?.labels ?? NO_LABELS} keysEnabled={dialog === null && pending === null} onMessage={onMessage} />
        </div>
      ) : (
      <div className="workspace">
        {panels.open.documents && (
          <DocumentList
            documents={documents}
            list={list}
            labels={project?.labels ?? NO_LABELS}
            self={annotator}
            currentId={currentId}
            onOpen={(docId) => {
              open(docId);
              // On a narrow window the list floats over the text: out of the way once a document is chosen.
              if (panels.narrow) panels.setOpen('documents', false);
            }}
          />
        )}
        <main className="annotate-area" id={SKIP_TARGET_ID} tabIndex={-1} aria-label="Annotate">
          {current && project && text && text.id === current.id ? (
            <AnnotateView
              key={`${current.id}:${imports}`}
              db={db}
              docId={current.id}
              title={current.title}
              text={text.text}
              tokens={text.tokens}
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
              labelFirst={labelFirst}
              onLabelFirst={setLabelFirst}
              focusText={focusDoc === current.id}
              onTextFocused={() => setFocusDoc(null)}
              panels={panels}
            />
          ) : (
            <p className="empty">{documents.length ? 'Opening document…' : 'Import documents to start.'}</p>
          )}
        </main>
        {panels.open.guidelines && project && <GuidelinesPanel markdown={project.guidelines} onClose={() => panels.setOpen('guidelines', false)} />}
      </div>
      )}
      {dialog === 'rename' && (
        <NameDialog
          initial={annotator}
          firstRun={false}
          onCancel={() => setDialog(null)}
          onSubmit={async (name, change) => {
            const next = name.trim();
            // An edit made just before still belongs to the current name: it must be stored first.
            if (change === 'rename') await whenAllSaved('rename the annotator');
            await (change === 'switch' ? switchAnnotator(db, next) : renameAnnotator(db, next));
            list.reload();
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
          onAddLabels={(names) => addLabels(db, names).then(() => onMessage(`Added ${names.join(', ')} to the project’s labels.`, 'info'))}
          onClose={clearPending}
          onImported={(summary) => {
            clearPending();
            onMessage(summary, 'info');
            // The open document may have gained spans: its view reloads them rather than keep (and later save) a stale copy.
            setImports((n) => n + 1);
            reloadDocuments().catch(fail('Could not reload the documents'));
          }}
        />
      )}
      {dialog === 'export' && <ExportDialog db={db} annotator={annotator} onClose={() => setDialog(null)} onMessage={onMessage} />}
      {dialog === 'shortcuts' && <ShortcutSheet labels={project?.labels ?? NO_LABELS} onClose={() => setDialog(null)} />}
    </div>
  );
}
