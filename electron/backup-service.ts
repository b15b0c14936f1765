// Automatic backups in the app's user-data folder: one file a day, the last seven kept. Plain
// Node (no Electron), so it is unit-tested on a temp dir.
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AutoBackupInfo, AutoBackupResult } from './bridge-contract.js';
import { writeFileAtomic } from './file-service.js';

/** How many daily backups are kept. */
export const BACKUPS_KEPT = 7;

const BACKUP_NAME = /^spanlight-backup-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The file name of the backup of day `now` (local date). */
export function dailyBackupName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `spanlight-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.jsonl`;
}

/** The backups in `dir`, newest first (an absent folder has none). */
export async function listBackups(dir: string): Promise<AutoBackupInfo> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const backups = await Promise.all(
    names
      .filter((name) => BACKUP_NAME.test(name))
      .sort()
      .reverse()
      .map(async (name) => {
        const info = await stat(path.join(dir, name));
        return { name, day: BACKUP_NAME.exec(name)![1]!, bytes: info.size, modifiedAt: info.mtimeMs };
      }),
  );
  return { folder: dir, kept: BACKUPS_KEPT, backups };
}

/**
 * Writes today's backup into `dir` (created if needed; today's earlier backup is replaced, all or
 * nothing) and removes the oldest beyond the last `keep` days.
 */
export async function writeDailyBackup(dir: string, content: string | Uint8Array, now: Date, keep = BACKUPS_KEPT): Promise<AutoBackupResult> {
  await mkdir(dir, { recursive: true });
  const location = path.join(dir, dailyBackupName(now));
  await writeFileAtomic(location, content);
  const { backups } = await listBackups(dir);
  const removed = backups.slice(keep).map((b) => b.name);
  for (const name of removed) await unlink(path.join(dir, name));
  return { location, folder: dir, removed };
}
