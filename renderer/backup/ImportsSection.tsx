/** The imports that can still be undone, newest first, each with "Undo import". */
import { useEffect, useState } from 'react';
import type { ImportRow, SpanlightDb } from '../db/database';
import { describeUndoneImport, undoableImports, undoImport } from '../db/import-undo';
import { unsavedEdits, whenWritten } from '../db/pending-writes';
import { reloadWithMessage } from './after-reload';

/** The imports part of the backup dialog. */
export function ImportsSection({ db }: { db: SpanlightDb }) {
  const [imports, setImports] = useState<ImportRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    undoableImports(db).then(setImports, (e: unknown) => setError(`Could not list the imports: ${e instanceof Error ? e.message : String(e)}`));
  }, [db]);

  const undo = async (row: ImportRow) => {
    setBusy(true);
    setError(null);
    try {
      await whenWritten();
      if (unsavedEdits() > 0) throw new Error('some of your changes are not saved yet; undo the import once the save state says they are');
      reloadWithMessage(describeUndoneImport(await undoImport(db, row.id!)));
    } catch (e) {
      setError(`The import was not undone: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  };

  return (
    <section aria-label="Imports">
      <h3>Imports</h3>
      {imports === null ? (
        <p className="hint">Reading…</p>
      ) : imports.length === 0 ? (
        <p className="hint">No import to undo.</p>
      ) : (
        <ul className="import-list">
          {imports.map((row) => {
            const names = row.files.map((f) => f.name).join(', ');
            const who = [...new Set(row.files.flatMap((f) => f.annotators))].join(', ');
            return (
              <li key={row.id}>
                <span>
                  {new Date(row.at).toLocaleString()}: {names}
                  {who ? ` (annotations of ${who})` : ''} — {row.createdDocs.length} new document(s), {row.sets.reduce((n, s) => n + s.spanIds.length, 0)} span(s)
                </span>
                <button type="button" disabled={busy} onClick={() => void undo(row)} aria-label={`Undo import of ${names}`}>
                  Undo import
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
