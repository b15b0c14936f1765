/**
 * Reads the open document's text. While another annotator's annotations are shown, it also checks
 * that person has annotations on this document; when not, the view falls back to the user's own
 * before the document is shown (never an empty read-only set under a stale choice).
 */
import { useEffect, useLayoutEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { SpanlightDb } from '../db/database';
import { annotatorsOf } from '../db/project-store';
import { readText, type BootReads, type ReadText } from '../boot/boot-reads';

/** The text of the open document, once read, with the tokens its file brought (CoNLL, Hugging Face, Prodigy…). */
export type OpenText = ReadText;

/**
 * Hook: the text of `docId` (read through the boot reads, so the document open at start is read
 * once), and its setter for the first render; calls `onNothingHere(name)` when the shown annotator
 * `shown` has no set on it.
 */
export function useOpenText(
  db: SpanlightDb,
  boot: BootReads,
  docId: string | null,
  shown: string | null,
  onNothingHere: (name: string) => void,
  onError: (error: unknown) => void,
): [OpenText | null, Dispatch<SetStateAction<OpenText | null>>] {
  const [text, setText] = useState<OpenText | null>(null);
  const shownNow = useRef(shown);
  useLayoutEffect(() => {
    shownNow.current = shown;
  });
  useEffect(() => {
    if (!docId) return;
    let cancelled = false;
    const name = shownNow.current;
    Promise.all([readText(db, boot, docId), name ? annotatorsOf(db, docId) : null]).then(([read, names]) => {
      if (cancelled) return;
      if (name && names && !names.includes(name)) onNothingHere(name);
      // null: the first render already holds this document's text (and tokens).
      if (read !== null) setText(read);
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [db, boot, docId, onNothingHere, onError]);
  return [text, setText];
}
