/** The top bar's "Backup & data…" entry: it says when the browser may evict the profile, and opens the backup dialog. */
import { useEffect, useState } from 'react';
import type { SpanlightDb } from '../db/database';
import { BackupDialog } from './BackupDialog';
import { takeReloadMessage } from './after-reload';
import { useStorageSafety } from './use-storage-safety';

/** Props of the entry. */
export interface BackupButtonProps {
  db: SpanlightDb;
  onMessage: (text: string, kind?: 'error' | 'info') => void;
}

const APP = `spanlight ${import.meta.env.VITE_APP_VERSION ?? 'dev'}`;

/** Button plus dialog; a warning mark while the storage is not persistent and no automatic backup covers it. */
export function BackupButton({ db, onMessage }: BackupButtonProps) {
  const [open, setOpen] = useState(false);
  const safety = useStorageSafety(db, APP);
  const atRisk = safety.persisted === false && safety.auto === null;

  useEffect(() => {
    const message = takeReloadMessage();
    if (message) onMessage(message, 'info');
  }, [onMessage]);

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-describedby={atRisk ? 'storage-at-risk' : undefined} title={atRisk ? 'This browser may clear Spanlight’s data when the disk runs low: back up regularly.' : undefined}>
        Backup<span className="wide-only"> & data</span>…{atRisk && <span className="risk-mark"> ⚠</span>}
      </button>
      {atRisk && (
        <span id="storage-at-risk" hidden>
          Storage is not persistent: back up regularly.
        </span>
      )}
      {open && <BackupDialog db={db} app={APP} safety={safety} onClose={() => setOpen(false)} onMessage={onMessage} />}
    </>
  );
}
