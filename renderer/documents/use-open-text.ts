/**
 * Reads the open document's text. While another annotator's annotations are shown, it also checks
 * that person has annotations on this document; when not, the view falls back to the user's own
 * before the document is shown (never an empty read-only set under a stale choice).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SpanlightDb } from '../db/database';
import { annotatorsOf, getText } from '../db/project-store';

/** The text of the open document, once read. */
export interface OpenText {
  id: string;
  text: string;
}

/** Hook: the text of `docId`; calls `onNothingHere(name)` when the shown annotator `shown` has no set on it. */
export function useOpenText(
  db: SpanlightDb,
  docId: string | null,
  shown: string | null,
  onNothingHere: (name: string) => void,
  onError: (error: unknown) => void,
): OpenText | null {
  const [text, setText] = useState<OpenText | null>(null);
  const shownNow = useRef(shown);
  useLayoutEffect(() => {
    shownNow.current = shown;
  });
  useEffect(() => {
    if (!docId) return;
    let cancelled = false;
    const name = shownNow.current;
    Promise.all([getText(db, docId), name ? annotatorsOf(db, docId) : null]).then(([t, names]) => {
      if (cancelled) return;
      if (name && names && !names.includes(name)) onNothingHere(name);
      setText({ id: docId, text: t });
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [db, docId, onNothingHere, onError]);
  return text;
}
