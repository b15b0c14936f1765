/**
 * Writes gold edits to documents other than the one on screen (accepting agreed spans across the
 * queue, and undoing that): one hidden writer per document, each through `useAnnotationSet`, so the
 * edits are stored and undone like any other. A few documents at a time.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnnotationSet } from '../../../core/model';
import type { SpanEdit } from '../../../core/spans/edits';
import type { SpanlightDb } from '../../db/database';
import { useAnnotationSet } from '../../annotate/use-annotation-set';
import { GOLD_ANNOTATOR } from '../../../core/model';

/** What to do to one document's gold set. */
export type WriterJob = { docId: string; kind: 'apply'; edits: SpanEdit[] } | { docId: string; kind: 'undo' | 'redo'; count: number };

interface QueuedJob {
  id: number;
  job: WriterJob;
  done: () => void;
}

/** Documents written at once. */
const AT_ONCE = 4;

function GoldWriter({ db, job, onStored, onDone, onError }: { db: SpanlightDb; job: WriterJob; onStored: (set: AnnotationSet) => void; onDone: () => void; onError: (m: string) => void }) {
  const api = useAnnotationSet(db, job.docId, GOLD_ANNOTATOR, onStored, onError);
  const ran = useRef(false);
  useEffect(() => {
    if (!api.set || ran.current) return;
    ran.current = true;
    if (job.kind === 'apply') for (const edit of job.edits) api.apply(edit);
    else for (let i = 0; i < job.count; i++) (job.kind === 'undo' ? api.undo : api.redo)();
    void api.flushed().then(onDone);
  }, [api, job, onDone]);
  return null;
}

/** Hook: `write(jobs)` runs the jobs (resolved once all are stored), `writers` is the element to render, `progress` counts jobs. */
export function useGoldWriters(db: SpanlightDb, onStored: (set: AnnotationSet) => void, onError: (m: string) => void) {
  const [queued, setQueued] = useState<QueuedJob[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const nextId = useRef(1);

  const write = useCallback((jobs: readonly WriterJob[]): Promise<void> => {
    if (jobs.length === 0) return Promise.resolve();
    let left = jobs.length;
    setProgress((p) => ({ done: p?.done ?? 0, total: (p?.total ?? 0) + jobs.length }));
    return new Promise((resolve) => {
      const entries = jobs.map((job) => {
        const id = nextId.current++;
        return {
          id,
          job,
          done: () => {
            setQueued((q) => q.filter((e) => e.id !== id));
            setProgress((p) => (p && p.done + 1 < p.total ? { done: p.done + 1, total: p.total } : null));
            if (--left === 0) resolve();
          },
        };
      });
      setQueued((q) => [...q, ...entries]);
    });
  }, []);

  // A document is written by one writer at a time: a later job on it waits for the earlier one.
  const running: QueuedJob[] = [];
  const busy = new Set<string>();
  for (const entry of queued) {
    if (running.length >= AT_ONCE) break;
    if (busy.has(entry.job.docId)) continue;
    busy.add(entry.job.docId);
    running.push(entry);
  }
  const writers = (
    <>
      {running.map((entry) => (
        <GoldWriter key={entry.id} db={db} job={entry.job} onStored={onStored} onDone={entry.done} onError={onError} />
      ))}
    </>
  );
  return { write, writers, progress, busy: queued.length > 0 };
}
