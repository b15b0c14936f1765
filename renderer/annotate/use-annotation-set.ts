/**
 * Hook: one annotator's set of one document, with span edits, status changes and undo/redo stored
 * as operations in the set's log (see `renderer/db/set-session.ts`), and the honest save state of
 * the window's queue of edits.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AnnotationSet, DocStatus, Span } from '../../core/model';
import type { SpanEdit } from '../../core/spans/edits';
import type { SpanlightDb } from '../db/database';
import { saveQueueOf, type SaveFailure } from '../db/save-queue';
import { openSetSession, releaseSetSession, type SetSession, type SetSnapshot } from '../db/set-session';
import { afterNextPaintSettled } from '../editor/paint-events';
import { newId } from '../db/ids';

/** What the save indicator shows: the state of every edit of this window, and of this set's. */
export interface SaveStatus {
  /** saved: nothing waits; saving: edits are being written; failed: the last write failed, edits wait for a retry. */
  state: 'saved' | 'saving' | 'failed';
  /** Edits of this window not on disk yet (all documents). */
  pending: number;
  /** Edits of this set not on disk yet (shown in the span list, which shows them already). */
  pendingHere: number;
  /** Why the last write failed, while it does. */
  failure: SaveFailure | null;
  /** Retries the waiting writes now. */
  retry(): void;
}

/** What the annotate view can do with the set. */
export interface AnnotationSetApi {
  set: AnnotationSet | null;
  apply(edit: SpanEdit): void;
  /** Undoes the last edit of this document (and the status change it made); returns its span change, or null. */
  undo(): SpanEdit | null;
  redo(): SpanEdit | null;
  setStatus(status: DocStatus, note?: string): void;
  /** Whether there is an edit of this document to undo / to redo (the history survives a reload). */
  canUndo: boolean;
  canRedo: boolean;
  /** Resolves once every edit made so far is stored. */
  flushed(): Promise<void>;
  /** True while an edit is not yet on disk. */
  saving: boolean;
  /** The save state, for the indicator. */
  save: SaveStatus;
}

const LOADING: SetSnapshot = { set: null, stored: null, canUndo: false, canRedo: false, unsaved: 0, loadError: null };
const NO_SUBSCRIPTION = () => () => undefined;

/** Hook: the set of `annotator` on `docId`; `onStored` hears each state of it on disk (this window's edits and other windows'). */
export function useAnnotationSet(
  db: SpanlightDb,
  docId: string,
  annotator: string,
  onStored: (set: AnnotationSet) => void,
  onError: (message: string) => void,
): AnnotationSetApi {
  // Edits are written once the frame showing them is painted.
  const queue = useMemo(() => saveQueueOf(db, { beforeWrite: afterNextPaintSettled }), [db]);
  const [session, setSession] = useState<SetSession | null>(null);
  const callbacks = useRef({ onStored, onError });
  callbacks.current = { onStored, onError };

  useEffect(() => {
    const opened = openSetSession(db, docId, annotator, queue);
    setSession(opened);
    const unsubscribe = opened.onStored((set) => callbacks.current.onStored(set));
    // A failed load is reported through the snapshot's loadError (below).
    opened.loaded.catch(() => undefined);
    return () => {
      // Edits made just before leaving (Ctrl+Enter moves on) are still reported once stored.
      void queue.flushed().then(unsubscribe);
      releaseSetSession(db, opened, queue);
    };
  }, [db, docId, annotator, queue]);

  // Between a change of document or annotator and its session, the previous set must neither show nor take edits.
  const current = session && session.docId === docId && session.annotator === annotator ? session : null;
  const snap = useSyncExternalStore(current?.subscribe ?? NO_SUBSCRIPTION, current?.snapshot ?? (() => LOADING));
  const saveState = useSyncExternalStore(queue.subscribe, queue.snapshot);
  useEffect(() => {
    if (snap.loadError) callbacks.current.onError(snap.loadError);
  }, [snap.loadError]);

  const apply = useCallback((edit: SpanEdit) => void current?.apply(edit), [current]);
  const undo = useCallback(() => current?.undo()?.span ?? null, [current]);
  const redo = useCallback(() => current?.redo()?.span ?? null, [current]);
  const setStatus = useCallback((status: DocStatus, note?: string) => void current?.setStatus(status, note), [current]);
  const flushed = useCallback(() => queue.flushed(), [queue]);
  const retry = useCallback(() => queue.retry(), [queue]);

  const save = useMemo<SaveStatus>(
    () => ({
      state: saveState.failure ? 'failed' : saveState.pending > 0 ? 'saving' : 'saved',
      pending: saveState.pending,
      pendingHere: snap.unsaved,
      failure: saveState.failure,
      retry,
    }),
    [saveState, snap.unsaved, retry],
  );
  // One object per state, so callbacks and listeners that depend on it are not rebuilt on every render.
  return useMemo(
    () => ({ set: snap.set, apply, undo, redo, setStatus, flushed, saving: save.state !== 'saved', save, canUndo: snap.canUndo, canRedo: snap.canRedo }),
    [snap, apply, undo, redo, setStatus, flushed, save],
  );
}

/** A new manual span made by `annotator`. */
export function newSpan(start: number, end: number, label: string, annotator: string): Span {
  return { id: newId('s'), start, end, label, source: 'manual', createdBy: annotator, createdAt: Date.now() };
}
