/**
 * Hook: every annotator's status and counts per document, read from the head rows
 * (`summariesByDocument`), kept current as sets change on disk — this window's edits, another
 * window's, an import, an undone import, a restore or a schema edit (the storage announces each:
 * `set-changes.ts`). A changed set costs one head read; changes that touch every set reload them all.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationSet } from '../../core/model';
import type { SpanlightDb } from '../db/database';
import { summariesByDocument, summariesOf, summaryOfSet, type SetSummary } from '../db/set-reads';
import { onSetChange } from '../db/set-changes';
import { afterFirstDocumentShown } from '../boot/boot-reads';

/** Summaries per document id, then annotator. */
export type TeamSummaries = ReadonlyMap<string, ReadonlyMap<string, SetSummary>>;

/** What the hook gives. */
export interface TeamSummariesState {
  summaries: TeamSummaries;
  /** False until the first read is done. */
  loaded: boolean;
  /** Reads every head again (after a change no one announces, such as renaming the annotator). */
  reload: () => void;
  /** Takes a set just stored by this window into account at once. */
  applyStored: (set: AnnotationSet) => void;
}

/** Changes announced within this time are read together. */
const BATCH_MS = 40;

function withSummary(summaries: TeamSummaries, docId: string, annotator: string, summary: SetSummary | null): TeamSummaries {
  const doc = new Map(summaries.get(docId) ?? []);
  if (summary) doc.set(annotator, summary);
  else doc.delete(annotator);
  const next = new Map(summaries);
  if (doc.size) next.set(docId, doc);
  else next.delete(docId);
  return next;
}

/** Hook: the summaries of `db`'s sets; `onError` hears a failed read. */
export function useTeamSummaries(db: SpanlightDb, onError: (error: unknown) => void): TeamSummariesState {
  const [summaries, setSummaries] = useState<TeamSummaries>(new Map());
  const [loaded, setLoaded] = useState(false);
  const errorRef = useRef(onError);
  errorRef.current = onError;
  /** Sets changed while a full read was running: read again after it, so an older copy never wins. */
  const changedDuringReload = useRef<Map<string, [string, string]> | null>(null);

  const readKeys = useCallback(
    async (keys: [string, string][]) => {
      const read = await summariesOf(db, keys);
      setSummaries((current) => keys.reduce((acc, [docId, annotator], i) => withSummary(acc, docId, annotator, read[i] ?? null), current));
    },
    [db],
  );

  const reload = useCallback(() => {
    changedDuringReload.current = new Map();
    summariesByDocument(db)
      .then(async (all) => {
        setSummaries(all);
        setLoaded(true);
        const again = [...(changedDuringReload.current?.values() ?? [])];
        changedDuringReload.current = null;
        if (again.length) await readKeys(again);
      })
      .catch((error: unknown) => errorRef.current(error));
  }, [db, readKeys]);

  // Every head is read once the open document is on screen: the first paint does not wait for the list.
  useEffect(() => {
    let cancelled = false;
    afterFirstDocumentShown().then(() => !cancelled && reload(), (error: unknown) => errorRef.current(error));
    return () => {
      cancelled = true;
    };
  }, [reload]);

  useEffect(() => {
    const waiting = new Map<string, [string, string]>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let all = false;
    const flush = () => {
      timer = null;
      if (all) {
        all = false;
        waiting.clear();
        reload();
        return;
      }
      const keys = [...waiting.values()];
      waiting.clear();
      for (const [key, value] of keys.map((k) => [JSON.stringify(k), k] as const)) changedDuringReload.current?.set(key, value);
      readKeys(keys).catch((error: unknown) => errorRef.current(error));
    };
    const unsubscribe = onSetChange(db, (change) => {
      if (change.kind === 'project') return;
      if (change.kind === 'ops' || change.kind === 'reset') waiting.set(JSON.stringify([change.docId, change.annotator]), [change.docId, change.annotator]);
      else all = true;
      timer ??= setTimeout(flush, BATCH_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [db, reload, readKeys]);

  const applyStored = useCallback((set: AnnotationSet) => {
    // A set never stored (an open document nobody has annotated) is not someone's work.
    const neverStored = set.updatedAt === 0 && set.spans.length === 0 && set.status === 'todo';
    if (!neverStored) setSummaries((current) => withSummary(current, set.docId, set.annotator, summaryOfSet(set)));
  }, []);

  return { summaries, loaded, reload, applyStored };
}
