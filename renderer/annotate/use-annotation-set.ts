/** Loads one annotator's set for one document and applies span edits with undo/redo, storing each edit as it is made. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnnotationSet, DocStatus, Span } from '../../core/model';
import { applySpanEdit, type SpanEdit } from '../../core/spans/edits';
import { editHistoryFor } from './edit-histories';
import type { SpanlightDb } from '../db/database';
import { saveSet } from '../db/project-store';
import { loadSetWhenSaved, noteSetSave } from '../db/set-saves';
import { afterNextPaintSettled } from '../editor/paint-events';
import { trackWrite } from '../db/pending-writes';

/** Longest pause still counted as time spent on a document. */
const IDLE_CAP_MS = 5 * 60_000;

/** What the annotate view can do with the set. */
export interface AnnotationSetApi {
  set: AnnotationSet | null;
  apply(edit: SpanEdit): void;
  undo(): SpanEdit | null;
  redo(): SpanEdit | null;
  setStatus(status: DocStatus, note?: string): void;
  /** Whether there is an edit of this document to undo / to redo. */
  canUndo: boolean;
  canRedo: boolean;
  /** Resolves once every edit made so far is stored. */
  flushed(): Promise<void>;
  /** True while an edit is not yet on disk. */
  saving: boolean;
}

/** Hook: the set of `annotator` on `docId`, with edits persisted in order (strict durability). */
export function useAnnotationSet(
  db: SpanlightDb,
  docId: string,
  annotator: string,
  onStored: (set: AnnotationSet) => void,
  onError: (message: string) => void,
): AnnotationSetApi {
  const [set, setSet] = useState<AnnotationSet | null>(null);
  const current = useRef<AnnotationSet | null>(null);
  const historyOf = useCallback(() => editHistoryFor(annotator, docId), [annotator, docId]);
  const [, setHistoryVersion] = useState(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const lastTick = useRef(Date.now());
  const pending = useRef(0);
  const [saving, setSaving] = useState(false);
  // The loaded set, only while it is the one asked for: between a change of document or annotator
  // and its load, the previous set must neither show nor take edits under the new name.
  const loadedFor = useCallback(
    (candidate: AnnotationSet | null) => (candidate && candidate.docId === docId && candidate.annotator === annotator ? candidate : null),
    [docId, annotator],
  );

  useEffect(() => {
    let cancelled = false;
    current.current = null;
    setSet(null);
    lastTick.current = Date.now();
    // Read once this set's pending saves are stored: the document may have been left a moment ago.
    loadSetWhenSaved(db, docId, annotator).then(
      (loaded) => {
        if (cancelled) return;
        current.current = loaded;
        setSet(loaded);
      },
      (error: unknown) => onError(`Could not load annotations: ${String(error)}`),
    );
    return () => {
      cancelled = true;
    };
  }, [db, docId, annotator, onError]);

  const commit = useCallback(
    (update: (set: AnnotationSet) => AnnotationSet) => {
      const before = loadedFor(current.current);
      if (!before) return;
      const now = Date.now();
      const spent = Math.min(now - lastTick.current, IDLE_CAP_MS);
      lastTick.current = now;
      const next = { ...update(before), timeSpentMs: before.timeSpentMs + spent, updatedAt: now };
      current.current = next;
      setSet(next);
      pending.current++;
      setSaving(true);
      // Copying a large set into IndexedDB takes milliseconds: do it once the highlight is on screen.
      const save = queue.current.then(() => afterNextPaintSettled()).then(() => saveSet(db, next)).then(() => onStored(next));
      noteSetSave(next.docId, next.annotator, save);
      // Tracked as it is, so a failed save keeps the window from closing over its message.
      queue.current = trackWrite(save)
        .catch((error: unknown) => onError(`Your last change could not be saved: ${String(error)}`))
        .finally(() => {
          pending.current--;
          if (pending.current === 0) setSaving(false);
        });
    },
    [db, onStored, onError, loadedFor],
  );

  const applyRaw = useCallback(
    (edit: SpanEdit) =>
      commit((s) => ({
        ...s,
        spans: applySpanEdit(s.spans, edit),
        // An edit reopens a finished or skipped document: "done" must mean the spans were checked as they are.
        status: s.status === 'flagged' ? s.status : 'in_progress',
      })),
    [commit],
  );

  const apply = useCallback(
    (edit: SpanEdit) => {
      if (!loadedFor(current.current)) return;
      historyOf().record(edit);
      setHistoryVersion((v) => v + 1);
      applyRaw(edit);
    },
    [applyRaw, historyOf, loadedFor],
  );

  const undo = useCallback(() => {
    if (!loadedFor(current.current)) return null;
    const edit = historyOf().undo();
    if (edit) applyRaw(edit);
    setHistoryVersion((v) => v + 1);
    return edit;
  }, [applyRaw, historyOf, loadedFor]);

  const redo = useCallback(() => {
    if (!loadedFor(current.current)) return null;
    const edit = historyOf().redo();
    if (edit) applyRaw(edit);
    setHistoryVersion((v) => v + 1);
    return edit;
  }, [applyRaw, historyOf, loadedFor]);

  const setStatus = useCallback(
    // The note belongs to the flag: it goes when the document leaves the flagged status.
    (status: DocStatus, note?: string) => commit((s) => ({ ...s, status, note: status === 'flagged' ? note : undefined })),
    [commit],
  );

  const flushed = useCallback(() => queue.current, []);
  const shown = loadedFor(set);
  const history = shown ? historyOf() : null;
  const canUndo = history?.canUndo ?? false;
  const canRedo = history?.canRedo ?? false;
  // One object per state, so callbacks and listeners that depend on it are not rebuilt on every render.
  return useMemo(
    () => ({ set: shown, apply, undo, redo, setStatus, flushed, saving, canUndo, canRedo }),
    [shown, apply, undo, redo, setStatus, flushed, saving, canUndo, canRedo],
  );
}

/** A new manual span made by `annotator`. */
export function newSpan(start: number, end: number, label: string, annotator: string): Span {
  const id = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `s${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
  return { id, start, end, label, source: 'manual', createdBy: annotator, createdAt: Date.now() };
}
