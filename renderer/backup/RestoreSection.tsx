/** Restore: pick a backup file, check all of it, say what restoring will do (replace a fresh profile, or add to one with work), then do it and reload. */
import { useState } from 'react';
import { parseBackup } from '../../core/backup/lines';
import type { BackupHeader, BackupTables } from '../../core/backup/format';
import { SCHEMA_VERSION, type SpanlightDb } from '../db/database';
import { unsavedEdits, whenWritten } from '../db/pending-writes';
import { bridge } from '../platform/bridge';
import { reloadWithMessage } from './after-reload';
import { describeBackup, isFreshProfile, restoreBackup } from './backup-db';
import { describeMerge } from './restore-merge';

interface Checked {
  file: string;
  header: BackupHeader;
  tables: BackupTables;
  fresh: boolean;
}

/** The restore part of the backup dialog. */
export function RestoreSection({ db }: { db: SpanlightDb }) {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async () => {
    setError(null);
    setChecked(null);
    const files = await bridge.openTextFiles().catch((e: unknown) => {
      setError(`Could not read the file: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    });
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
      const parsed = parseBackup(text, SCHEMA_VERSION);
      if (!parsed.ok) setError(`${file.name}: ${parsed.error} Nothing was changed.`);
      else setChecked({ file: file.name, header: parsed.header, tables: parsed.tables, fresh: await isFreshProfile(db) });
    } catch (e) {
      setError(`${file.name} is not a Spanlight backup (${e instanceof Error ? e.message : String(e)}). Nothing was changed.`);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (what: Checked) => {
    setBusy(true);
    setError(null);
    try {
      await whenWritten();
      const unsaved = unsavedEdits();
      if (unsaved > 0) throw new Error(`${unsaved} of your changes are not saved yet; restore once the save state says they are`);
      const outcome = await restoreBackup(db, what.tables);
      reloadWithMessage(outcome.mode === 'replaced' ? `Restored ${what.file}: ${describeBackup(what.tables)}.` : `Restored ${what.file}. ${describeMerge(outcome)}`);
    } catch (e) {
      setError(`Nothing was restored: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  };

  return (
    <section aria-label="Restore">
      <button type="button" disabled={busy} onClick={() => void pick()}>
        Restore…
      </button>
      {busy && <progress aria-label="Restoring" />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {checked && (
        <div className="restore-plan" role="region" aria-label="Restore plan">
          <p>
            <strong>{checked.file}</strong>, made {checked.header.createdAt.slice(0, 16).replace('T', ' ')} by {checked.header.app}: {describeBackup(checked.tables)}. Checked whole: every row and checksum is right.
          </p>
          <p>
            {checked.fresh
              ? 'Nobody has annotated anything in this profile yet: it will be replaced by the backup, an identical copy (annotator name and preferences included).'
              : 'This profile holds work: nothing of it is removed or replaced. The backup’s documents, annotation sets and spans it lacks are added, and labels it lacks join the project; your statuses stay (a To do takes the backup’s).'}
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void restore(checked)}>
            Restore {checked.fresh ? 'this backup' : 'and merge'}
          </button>
        </div>
      )}
    </section>
  );
}
