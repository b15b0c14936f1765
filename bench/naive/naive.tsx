/**
 * Bench-only page, never in the app bundle: the naive Lexical view the issue compares against — the
 * whole document rendered at once, one MarkNode per span — reading its text and spans from IndexedDB
 * like the app. `?doc=ID` opens a document on load; `window.naiveOpen(id)` opens another (warm).
 * Records `window.__naivePainted` (ms since the page's time origin) after the frame that shows it.
 */
import { useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $createMarkNode, MarkNode } from '@lexical/mark';

interface NaiveSpan {
  id: string;
  start: number;
  end: number;
}
interface NaiveDoc {
  id: string;
  text: string;
  spans: NaiveSpan[];
}
declare global {
  interface Window {
    __naivePainted?: number;
    __naiveStarted?: number;
    naiveOpen?: (id: string) => Promise<number>;
  }
}

/** The bench writes the documents here (a database of its own: the app's storage may change). */
export const NAIVE_DB = 'spanlight-naive-bench';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function readDoc(id: string): Promise<NaiveDoc> {
  const open = indexedDB.open(NAIVE_DB, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('texts', { keyPath: 'id' });
    open.result.createObjectStore('sets', { keyPath: 'id' });
  };
  const db = await request(open);
  const tx = db.transaction(['texts', 'sets'], 'readonly');
  const [text, set] = await Promise.all([request(tx.objectStore('texts').get(id)), request(tx.objectStore('sets').get(id))]);
  db.close();
  return { id, text: (text as { text: string }).text, spans: (set as { spans: NaiveSpan[] }).spans };
}

function afterPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}

/** Everything at once: a paragraph per line, a mark per span (spans do not overlap in the bench documents). */
function Render({ doc }: { doc: NaiveDoc | null }) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    if (!doc) return;
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        const { text, spans } = doc;
        let s = 0;
        let start = 0;
        while (start <= text.length) {
          let end = text.indexOf('\n', start);
          if (end === -1) end = text.length;
          const paragraph = $createParagraphNode();
          let at = start;
          while (s < spans.length && spans[s]!.start < end) {
            const span = spans[s]!;
            if (span.start > at) paragraph.append($createTextNode(text.slice(at, span.start)));
            paragraph.append($createMarkNode([span.id]).append($createTextNode(text.slice(Math.max(span.start, at), Math.min(span.end, end)))));
            at = Math.min(span.end, end);
            s++;
          }
          if (at < end) paragraph.append($createTextNode(text.slice(at, end)));
          root.append(paragraph);
          start = end + 1;
        }
      },
      { discrete: true },
    );
    void afterPaint().then((at) => (window.__naivePainted = at));
  }, [editor, doc]);
  return null;
}

function NaiveView() {
  const [doc, setDoc] = useState<NaiveDoc | null>(null);
  useLayoutEffect(() => {
    window.naiveOpen = async (id: string) => {
      window.__naivePainted = undefined;
      window.__naiveStarted = performance.now();
      setDoc(await readDoc(id));
      return window.__naiveStarted;
    };
    const first = new URLSearchParams(location.search).get('doc');
    if (first) void readDoc(first).then(setDoc);
  }, []);
  return (
    <LexicalComposer initialConfig={{ namespace: 'naive', editable: false, nodes: [MarkNode], onError: (e: Error) => { throw e; } }}>
      <PlainTextPlugin contentEditable={<ContentEditable className="naive-text" />} ErrorBoundary={LexicalErrorBoundary} />
      <Render doc={doc} />
    </LexicalComposer>
  );
}

createRoot(document.getElementById('root')!).render(<NaiveView />);
