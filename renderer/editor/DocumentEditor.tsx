/**
 * The read-only Lexical view of one document with its span highlights and label chips. Only the
 * blocks near the screen are in Lexical's tree and the DOM (see DocumentWindow), so opening, editing
 * and scrolling cost what is on screen, not the document's length.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MarkNode } from '@lexical/mark';
import type { LabelDef, Span } from '../../core/model';
import type { Paragraph } from '../../core/text/paragraphs';
import { splitBlocks } from '../../core/text/blocks';
import { PAINT_THEME_KEY, SpanMarkNode, type PaintContext } from './span-mark-node';
import { DocumentBlockNode } from './document-block-node';
import { DocumentWindow } from './document-window';
import { registerDocumentView } from './document-view';
import { announcePaint } from './paint-events';
import { FindBar } from './FindBar';
import { useLabelsInText } from './labels-in-text';
import { isShortcut } from '../annotate/shortcuts';
import './editor.css';

/** Props of the document view. */
export interface DocumentEditorProps {
  docId: string;
  text: string;
  /** Unused since the view cuts its own blocks; kept so callers need not change. */
  paragraphs?: Paragraph[];
  spans: Span[];
  labels: LabelDef[];
  selectedSpanId: string | null;
  onRootElement: (element: HTMLElement | null) => void;
  /** Hears what went wrong (a setting that could not be stored). */
  onError?: (message: string) => void;
}

class LabelColors implements PaintContext {
  private colors = new Map<string, string>();
  set(labels: readonly LabelDef[]): void {
    this.colors = new Map(labels.map((l) => [l.name, l.color]));
  }
  colorOf(label: string): string {
    return this.colors.get(label) ?? '#888888';
  }
}

interface WindowedTextProps extends DocumentEditorProps {
  paint: LabelColors;
  scroller: HTMLElement | null;
  labelsShown: boolean;
  onView: (view: DocumentWindow | null) => void;
}

function WindowedText({ docId, text, spans, labels, paint, scroller, labelsShown, onRootElement, onView }: WindowedTextProps) {
  const [editor] = useLexicalComposerContext();
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const view = useRef<DocumentWindow | null>(null);
  const latestSpans = useRef(spans);
  latestSpans.current = spans;
  const blocks = useMemo(() => splitBlocks(text), [text]);
  const paintedLabels = useRef(labels);

  useLayoutEffect(() => {
    editor.setRootElement(root);
    onRootElement(root);
    return () => {
      editor.setRootElement(null);
      onRootElement(null);
    };
  }, [editor, root, onRootElement]);

  // A layout effect: the first screenful goes into the DOM in the same task as the React commit,
  // so the frame that follows shows it.
  useLayoutEffect(() => {
    if (!root || !scroller) return;
    const started = performance.now();
    paint.set(paintedLabels.current);
    const docView = new DocumentWindow(editor, root, scroller, text, blocks, latestSpans.current);
    view.current = docView;
    registerDocumentView(root, docView);
    onView(docView);
    announcePaint('document', started);
    // Nothing is left to append: the rest of the document renders as it comes on screen.
    announcePaint('complete', started);
    return () => {
      docView.destroy();
      registerDocumentView(root, null);
      onView(null);
      view.current = null;
    };
  }, [editor, root, scroller, docId, text, blocks, paint, onView]);

  useLayoutEffect(() => {
    const started = performance.now();
    if (view.current?.setSpans(spans)) announcePaint('edit', started);
  }, [spans]);

  useLayoutEffect(() => {
    if (paintedLabels.current === labels) return;
    paintedLabels.current = labels;
    paint.set(labels);
    view.current?.repaintAll();
  }, [labels, paint]);

  return <div ref={setRoot} className={labelsShown ? 'document-text' : 'document-text labels-hidden'} role="document" aria-label="Document text" tabIndex={0} />;
}

function reportProblem(message: string): void {
  window.reportError(new Error(message));
}

/** Renders the document text with highlights; selection, keys and clicks are handled by the annotate view. */
export function DocumentEditor(props: DocumentEditorProps) {
  const paint = useMemo(() => new LabelColors(), []);
  const initialConfig = useMemo(
    () => ({
      namespace: 'spanlight-document',
      editable: false,
      nodes: [MarkNode, SpanMarkNode, DocumentBlockNode],
      theme: { mark: 'span-mark', markOverlap: 'span-mark-overlap', [PAINT_THEME_KEY]: paint },
      onError: (error: Error) => {
        throw error;
      },
    }),
    [paint],
  );
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [view, setView] = useState<DocumentWindow | null>(null);
  const [labelsShown, setLabelsShown] = useLabelsInText(props.onError ?? reportProblem);
  const [finding, setFinding] = useState(false);

  // Ctrl/Cmd+F opens the app's find: the browser's cannot see the text that is not rendered.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A modal dialog keeps its keys (and the browser's own find, over the dialog).
      if (document.querySelector('dialog[open]')) return;
      if (isShortcut('find', event)) {
        event.preventDefault();
        setFinding(false);
        // Reopening focuses and selects the query again.
        requestAnimationFrame(() => setFinding(true));
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const selectedRule = props.selectedSpanId
    ? `mark[data-span-ids~="${CSS.escape(props.selectedSpanId)}"] { outline: 2px solid var(--focus); outline-offset: 1px; }`
    : '';
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <style>{selectedRule}</style>
      <div className="document-view">
        {/* Clicks here are not clicks in the text: they must not clear the selected span. */}
        <div className="document-tools" onClick={(e) => e.stopPropagation()}>
          {finding ? (
            <FindBar
              view={view}
              onClose={() => {
                setFinding(false);
                view?.root.focus({ preventScroll: true });
              }}
            />
          ) : (
            <button type="button" className="tool-button" onClick={() => setFinding(true)} aria-keyshortcuts="Control+F">
              Find <kbd>Ctrl+F</kbd>
            </button>
          )}
          <button type="button" className="tool-button" aria-pressed={labelsShown} onClick={() => setLabelsShown(!labelsShown)}>
            Labels in text
          </button>
        </div>
        <div ref={setScroller} className="document-view-scroll">
          <WindowedText {...props} paint={paint} scroller={scroller} labelsShown={labelsShown} onView={setView} />
        </div>
      </div>
    </LexicalComposer>
  );
}
