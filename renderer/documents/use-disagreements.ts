/**
 * Hook: which documents have disagreements, while the list asks for them. The first answer scans
 * every document in the disagreement worker; after that only the documents whose sets change are
 * scanned again (everything after an import, a restore or a schema edit). The list stays usable
 * meanwhile and says how far the scan is.
 */
import { useEffect, useRef, useState } from 'react';
import type { SpanlightDb } from '../db/database';
import { onSetChange } from '../db/set-changes';
import { createDisagreementClient, type DisagreementClient } from './disagreement-client';

/** What the list knows about disagreements. */
export interface DisagreementState {
  /** Documents with disagreements, once the first scan is done; null before. */
  disputed: ReadonlySet<string> | null;
  /** Documents decided out of all, while a full scan runs. */
  progress: { done: number; total: number } | null;
}

const IDLE: DisagreementState = { disputed: null, progress: null };
/** Changes announced within this time are scanned together. */
const BATCH_MS = 150;

/** Hook: the disputed documents of `db` while `active`; `onError` hears a failed scan. */
export function useDisagreements(db: SpanlightDb, active: boolean, onError: (error: unknown) => void): DisagreementState {
  const [state, setState] = useState<DisagreementState>(IDLE);
  const errorRef = useRef(onError);
  errorRef.current = onError;

  useEffect(() => {
    if (!active) {
      setState(IDLE);
      return;
    }
    let stopped = false;
    const client: DisagreementClient = createDisagreementClient(db.name);
    const fail = (error: unknown) => {
      if (!stopped) errorRef.current(error);
    };
    /** Verdicts of documents scanned again while a full scan runs: newer than what it read, applied after it. */
    let newer: Map<string, boolean> | null = null;
    const apply = (disputed: Set<string>, verdicts: Map<string, boolean>) => {
      for (const [docId, yes] of verdicts) {
        if (yes) disputed.add(docId);
        else disputed.delete(docId);
      }
      return disputed;
    };
    const merge = (verdicts: Map<string, boolean>) => {
      if (newer) for (const entry of verdicts) newer.set(...entry);
      setState((current) => ({ ...current, disputed: apply(new Set(current.disputed ?? []), verdicts) }));
    };
    const scanAll = () => {
      newer = new Map();
      setState((current) => ({ ...current, progress: { done: 0, total: 0 } }));
      client
        .scan(undefined, (done, total) => !stopped && setState((current) => ({ ...current, progress: { done, total } })))
        .then((verdicts) => {
          if (stopped) return;
          const disputed = apply(new Set([...verdicts].filter(([, yes]) => yes).map(([docId]) => docId)), newer ?? new Map());
          newer = null;
          setState({ disputed, progress: null });
        }, fail);
    };
    scanAll();

    const changed = new Set<string>();
    let all = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      if (all) {
        all = false;
        changed.clear();
        return scanAll();
      }
      const docIds = [...changed];
      changed.clear();
      client.scan(docIds).then((verdicts) => !stopped && merge(verdicts), fail);
    };
    const unsubscribe = onSetChange(db, (change) => {
      if (change.kind === 'project') return;
      if (change.kind === 'ops' || change.kind === 'reset') changed.add(change.docId);
      else all = true;
      timer ??= setTimeout(flush, BATCH_MS);
    });
    return () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      client.terminate();
    };
  }, [db, active]);

  return state;
}
