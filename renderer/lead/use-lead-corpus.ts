/** Hook: the corpus the lead's views read, loaded from the database and handed to the agreement worker. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpanlightDb } from '../db/database';
import { loadExportItems } from '../db/project-store';
import { whenWritten } from '../db/pending-writes';
import { buildCorpus, type LeadCorpus } from './corpus';
import { syncCorpus } from './agreement-service';

/** The corpus and where its loading stands. */
export interface LeadCorpusState {
  corpus: LeadCorpus | null;
  /** What is being done, for the progress line; null when the corpus is ready. */
  loading: string | null;
  error: string | null;
  /** Reads the corpus again (after edits, imports); `loading` says so at once. */
  reload: () => void;
  /** How many reads have completed (a new corpus, a new number). */
  version: number;
}

/** Loads every document with every annotator's set (edits still on their way to disk are waited for). */
export function useLeadCorpus(db: SpanlightDb): LeadCorpusState {
  const [corpus, setCorpus] = useState<LeadCorpus | null>(null);
  const [loading, setLoading] = useState<string | null>('Reading the annotations…');
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const run = ++latest.current;
    setLoading('Reading the annotations…');
    setError(null);
    (async () => {
      await whenWritten();
      const items = await loadExportItems(db, { doneOnly: false, annotator: null, fallbackAnnotator: '' });
      if (run !== latest.current) return;
      const built = buildCorpus(items, '');
      setLoading(`Handing ${built.documents.length} documents and ${built.sets.length} annotation sets to the agreement worker…`);
      await syncCorpus(built);
      if (run !== latest.current) return;
      setCorpus(built);
      setLoading(null);
    })().catch((e: unknown) => {
      if (run !== latest.current) return;
      setError(`Could not read the annotations: ${e instanceof Error ? e.message : String(e)}`);
      setLoading(null);
    });
  }, [db, version]);

  const reload = useCallback(() => {
    setLoading('Reading the annotations…');
    setVersion((v) => v + 1);
  }, []);
  return { corpus, loading, error, reload, version: loading === null ? version : -1 };
}
