/** Backup and restore, where the profile's data is kept and how safe it is, and the imports that can be undone. */
import { useEffect, useState } from 'react';
import type { SpanlightDb } from '../db/database';
import { bridge } from '../platform/bridge';
import { whenWritten } from '../db/pending-writes';
import { getProject } from '../db/project-store';
import { Modal } from '../shell/Modal';
import { makeBackup } from './backup-db';
import { ImportsSection } from './ImportsSection';
import { RestoreSection } from './RestoreSection';
import type { StorageSafety } from './use-storage-safety';

/** Props of the dialog. */
export interface BackupDialogProps {
  db: SpanlightDb;
  app: string;
  safety: StorageSafety;
  onClose: () => void;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
}

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The dialog. */
export function BackupDialog({ db, app, safety, onClose, onMessage }: BackupDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Each project is a database of its own: a backup holds the open one.
  const [projectName, setProjectName] = useState<string | null>(null);
  useEffect(() => {
    getProject(db).then((p) => setProjectName(p?.name ?? null), (e: unknown) => setError(`Could not read the project: ${e instanceof Error ? e.message : String(e)}`));
  }, [db]);

  const backUp = async () => {
    setBusy(true);
    setError(null);
    try {
      // Edits on their way to disk go into the backup.
      await whenWritten();
      const { name, content, summary } = await makeBackup(db, app);
      const result = await bridge.saveFile({ suggestedName: name, content, filters: [{ name: 'Spanlight backup', extensions: ['jsonl'] }] });
      if (result.saved) onMessage(`Backup written${result.location ? ` to ${result.location}` : ''}: ${summary}.`, 'info');
    } catch (e) {
      setError(`The backup could not be written: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const { persisted, auto, autoError } = safety;
  return (
    <Modal title="Backup and restore" onClose={onClose}>
      <section aria-label="Back up">
        <p>
          One file holds everything of the open project{projectName ? <> “{projectName}”</> : ''}: its labels and guidelines, every document with its tokens, every annotator’s annotations with their statuses and undo history, and your preferences. Other projects of this profile have backups of their own (open them to back them up); Restore… adds to, or fills, the open project.
        </p>
        <div className="backup-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void backUp()}>
            Back up…
          </button>
          {busy && <progress aria-label="Backing up" />}
          <RestoreSection db={db} />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </section>
      <section aria-label="Where your work is kept">
        <h3>Where your work is kept</h3>
        {auto ? (
          <p>
            Automatic backups: one a day, the last {auto.kept} kept, in <code>{auto.folder}</code>
            {auto.backups[0] ? ` (latest ${auto.backups[0].day}, ${formatBytes(auto.backups[0].bytes)}).` : ' (none yet).'}
          </p>
        ) : (
          <p>In the browser Spanlight makes no automatic backups: use Back up… regularly.</p>
        )}
        {autoError && (
          <p className="form-error" role="alert">
            Today’s automatic backup failed: {autoError}
          </p>
        )}
        <p role="status" aria-label="Storage persistence">
          {persisted === true
            ? 'The browser keeps this storage persistent: it is not cleared when the disk runs low.'
            : persisted === false
              ? 'The browser did not make this storage persistent: it may clear Spanlight’s data when the disk runs low. Back up regularly.'
              : 'Checking whether the storage is persistent…'}
        </p>
      </section>
      <ImportsSection db={db} />
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
