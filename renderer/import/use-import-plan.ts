/** Hook: what an import would store, file by file, worked out against the database as the preview changes (the same plan the import then follows). */
import { useEffect, useState } from 'react';
import type { SpanlightDb } from '../db/database';
import { planImport, type ImportPlan, type ImportSource } from '../db/import-store';

/** The plan of `sources`, or null while it is worked out; `error` when it cannot be. */
export function useImportPlan(db: SpanlightDb, sources: readonly ImportSource[] | null): { plan: ImportPlan | null; error: string | null } {
  const [state, setState] = useState<{ plan: ImportPlan | null; error: string | null }>({ plan: null, error: null });
  useEffect(() => {
    if (!sources) return;
    let current = true;
    setState({ plan: null, error: null });
    // Typing a name re-plans once the typing pauses.
    const timer = setTimeout(() => {
      planImport(db, sources).then(
        (plan) => current && setState({ plan, error: null }),
        (e: unknown) => current && setState({ plan: null, error: e instanceof Error ? e.message : String(e) }),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [db, sources]);
  return state;
}
