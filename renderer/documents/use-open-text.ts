/**
 * Reads the open document's text. While another annotator's annotations are shown, it also checks
 * that person has annotations on this document; when not, the view falls back to the user's own
 * before the document is shown (never an empty read-only set under a stale choice).
 */
import { useEffect, useLayoutEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { DocToken } from '../../core/model';
import type { SpanlightDb } from '../db/database';
import { getTokens } from '../db/texts';
import { annotatorsOf } from '../db/project-store';
import { readText, type BootReads } from '../boot/boot-reads';

/** The text of the open document, once read. */
export interface OpenText {
  id: string;
  text: string;
  /** The tokens the document came with (CoNLL, Hugging Face, Prodigy…), when it did. */
  tokens?: readonly DocToken[];
}

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
    Promise.all([readText(db, boot, docId), name ? annotatorsOf(db, docId) : null, getTokens(db, docId)]).then(([t, names, tokens]) => {
      if (cancelled) return;
      if (name && names && !names.includes(name)) onNothingHere(name);
      // null: the first render already holds this document's text; its tokens join it.
      if (t !== null) setText({ id: docId, text: t, tokens });
      else if (tokens) setText((shownText) => (shownText?.id === docId ? { ...shownText, tokens } : shownText));
    }, onError);
    return () => {
      cancelled = true;
    };
  }, [db, boot, docId, onNothingHere, onError]);
  return [text, setText];
}
