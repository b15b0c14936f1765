/**
 * Hook: what keeps the profile's work safe. Asks the browser for persistent storage (so it is not
 * evicted when the disk runs low) and says whether it was granted; in the desktop app, writes
 * today's automatic backup into the user-data folder when there is none yet (checked at start and
 * every hour), keeping the last seven.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AutoBackupInfo } from '../../electron/bridge-contract';
import type { SpanlightDb } from '../db/database';
import { bridge } from '../platform/bridge';
import { dailyBackupDay, makeBackup } from './backup-db';

/** What the backup dialog shows about the profile's safety. */
export interface StorageSafety {
  /** Whether the browser keeps the storage persistent; null while asking or where it cannot say. */
  persisted: boolean | null;
  /** The desktop app's automatic backups; null in a browser. */
  auto: AutoBackupInfo | null;
  /** Why the last automatic backup failed, if it did. */
  autoError: string | null;
  /** Re-reads the automatic backups (after writing one by hand, say). */
  refresh(): void;
}

const HOUR = 60 * 60 * 1000;
const FIRST_CHECK_DELAY_MS = 20_000;

/** Asks for persistence once, and keeps the daily automatic backup (desktop app). */
export function useStorageSafety(db: SpanlightDb, app: string): StorageSafety {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [auto, setAuto] = useState<AutoBackupInfo | null>(null);
  const [autoError, setAutoError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persist) return;
    storage
      .persisted()
      .then((already) => (already ? true : storage.persist()))
      .then(setPersisted, () => setPersisted(false));
  }, []);

  useEffect(() => {
    let cancelled = false;
    // Where the backups are is known at once; today's is written later (it reads the whole database).
    const check = async (write: boolean) => {
      try {
        const info = await bridge.autoBackupInfo();
        if (!info || cancelled) return;
        setAuto(info);
        if (write && info.backups[0]?.day !== dailyBackupDay(new Date())) {
          const { content } = await makeBackup(db, app);
          await bridge.writeAutoBackup(content);
          if (!cancelled) setAuto(await bridge.autoBackupInfo());
        }
        if (!cancelled) setAutoError(null);
      } catch (error) {
        if (!cancelled) setAutoError(error instanceof Error ? error.message : String(error));
      }
    };
    void check(false);
    const first = setTimeout(() => void check(true), round === 0 ? FIRST_CHECK_DELAY_MS : 0);
    const timer = setInterval(() => void check(true), HOUR);
    return () => {
      cancelled = true;
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [db, app, round]);

  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { persisted, auto, autoError, refresh };
}
