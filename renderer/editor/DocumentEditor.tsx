/** The read-only Lexical view of one document with its span highlights, repainting only the paragraphs an edit touches. */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { MarkNode } from '@lexical/mark';
import type { LabelDef, Span } from '../../core/model';
import { paragraphAt, type Paragraph } from '../../core/text/paragraphs';
import { spansByParagraph } from '../../core/spans/segments';
import { PAINT_THEME_KEY, SpanMarkNode, type PaintContext } from './span-mark-node';
import { DocumentChunkNode } from './document-chunk-node';
import { $appendParagraphs, $clearDocument, $renderParagraphs } from './render-document';
import { announcePaint } from './paint-events';

/** Props of the document view. */
export interface DocumentEditorProps {
  docId: string;
  text: string;
  paragraphs: Paragraph[];
  spans: Span[];
  labels: LabelDef[];
  selectedSpanId: string | null;
  onRootElement: (element: HTMLElement | null) => void;
}

class LabelPaint implements PaintContext {
  spans = new Map<string, Span>();
  labels = new Map<string, LabelDef>();
  labelOf(spanId: string) {
    const span = this.spans.get(spanId);
    if (!span) return undefined;
    return this.labels.get(span.label) ?? { name: span.label, color: '#888888' };
  }
}

function touchedParagraphs(prev: Map<string, Span>, next: readonly Span[], paragraphs: readonly Paragraph[]): Set<number> {
  const touched = new Set<number>();
  const mark = (span: Span) => {
    for (let i = paragraphAt(paragraphs, span.start); i < paragraphs.length && paragraphs[i]!.start <= span.end; i++) touched.add(i);
  };
  const nextIds = new Set<string>();
  for (const span of next) {
    nextIds.add(span.id);
    if (prev.get(span.id) !== span) {
      mark(span);
      const old = prev.get(span.id);
      if (old) mark(old);
    }
  }
  for (const [id, span] of prev) if (!nextIds.has(id)) mark(span);
  return touched;
}

/** Paragraphs painted before the document counts as open; the rest follow in chunks of this size. */
const FIRST_PARAGRAPHS = 120;
const CHUNK_PARAGRAPHS = 80;

function SpanRenderPlugin({ docId, text, paragraphs, spans, labels, paint, onRootElement }: DocumentEditorProps & { paint: LabelPaint }) {
  const [editor] = useLexicalComposerContext();
  const keys = useRef<string[]>([]);
  const renderedDoc = useRef<string | null>(null);
  const latestByPara = useRef<Span[][]>([]);
  const appendTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => editor.registerRootListener((root) => onRootElement(root)), [editor, onRootElement]);
  useEffect(() => () => clearTimeout(appendTimer.current), []);

  // A layout effect: the highlight goes into the DOM in the same task as the React commit, so the
  // frame that follows shows it (a passive effect would run after that frame, one frame late).
  useLayoutEffect(() => {
    const started = performance.now();
    const previous = paint.spans;
    paint.labels = new Map(labels.map((l) => [l.name, l]));
    paint.spans = new Map(spans.map((s) => [s.id, s]));
    const byPara = spansByParagraph(paragraphs, spans);
    latestByPara.current = byPara;
    if (renderedDoc.current === docId) {
      const touched = touchedParagraphs(previous, spans, paragraphs);
      if (touched.size === 0) return;
      editor.update(() => $renderParagraphs(text, paragraphs, keys.current, touched, byPara), { discrete: true });
      announcePaint('edit', started);
      return;
    }
    // A new document: paint the first screenful now, append the rest in the background, in order.
    renderedDoc.current = docId;
    const first = Math.min(FIRST_PARAGRAPHS, paragraphs.length);
    editor.update(() => {
      $clearDocument();
      keys.current = $appendParagraphs(text, paragraphs, 0, first, byPara);
    }, { discrete: true });
    announcePaint('document', started);
    // Edits made meanwhile repaint appended paragraphs only; later chunks read the latest spans.
    const appendChunk = (from: number) => {
      if (renderedDoc.current !== docId) return;
      if (from >= paragraphs.length) {
        announcePaint('complete', started);
        return;
      }
      const to = Math.min(from + CHUNK_PARAGRAPHS, paragraphs.length);
      editor.update(() => {
        keys.current.push(...$appendParagraphs(text, paragraphs, from, to, latestByPara.current));
      }, { discrete: true });
      appendTimer.current = setTimeout(() => appendChunk(to), 0);
    };
    clearTimeout(appendTimer.current);
    appendTimer.current = setTimeout(() => appendChunk(first), 0);
  }, [editor, docId, text, paragraphs, spans, labels, paint]);
  return null;
}

/** Renders the document text with highlights; selection, keys and clicks are handled by the annotate view. */
export function DocumentEditor(props: DocumentEditorProps) {
  const paint = useMemo(() => new LabelPaint(), []);
  const initialConfig = useMemo(
    () => ({
      namespace: 'spanlight-document',
      editable: false,
      nodes: [MarkNode, SpanMarkNode, DocumentChunkNode],
      theme: { paragraph: 'doc-paragraph', mark: 'span-mark', markOverlap: 'span-mark-overlap', [PAINT_THEME_KEY]: paint },
      onError: (error: Error) => {
        throw error;
      },
    }),
    [paint],
  );
  const selectedRule = props.selectedSpanId
    ? `mark[data-span-ids~="${CSS.escape(props.selectedSpanId)}"] { outline: 2px solid var(--focus); outline-offset: 1px; }`
    : '';
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <style>{selectedRule}</style>
      <PlainTextPlugin
        contentEditable={<ContentEditable className="document-text" aria-label="Document text" role="document" tabIndex={0} />}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <SpanRenderPlugin {...props} paint={paint} />
    </LexicalComposer>
  );
}
