import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyBackupName, listBackups, writeDailyBackup } from '../../../electron/backup-service';
import { createHandlers } from '../../../electron/ipc-handlers';
import { bridgeArgSchemas } from '../../../electron/bridge-validation';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'spanlight-backups-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const day = (d: number) => new Date(2025, 0, d, 12, 0, 0);

describe('automatic backups in the user-data folder', () => {
  it('writes one file a day, replaces the day\'s earlier one, and keeps the last seven', async () => {
    const folder = path.join(dir, 'backups');
    for (let d = 1; d <= 9; d++) await writeDailyBackup(folder, `backup of day ${d}\n`, day(d));
    const again = await writeDailyBackup(folder, 'later on day 9\n', day(9));
    expect(again).toEqual({ location: path.join(folder, 'spanlight-backup-2025-01-09.jsonl'), folder, removed: [] });
    expect(readdirSync(folder).sort()).toEqual([3, 4, 5, 6, 7, 8, 9].map((d) => dailyBackupName(day(d))));
    expect(readFileSync(again.location, 'utf8')).toBe('later on day 9\n');
    const info = await listBackups(folder);
    expect(info.backups.map((b) => b.day)).toEqual(['2025-01-09', '2025-01-08', '2025-01-07', '2025-01-06', '2025-01-05', '2025-01-04', '2025-01-03']);
    expect(info).toMatchObject({ folder, kept: 7 });
  });

  it('leaves other files alone and lists an absent folder as empty', async () => {
    expect(await listBackups(path.join(dir, 'none'))).toEqual({ folder: path.join(dir, 'none'), kept: 7, backups: [] });
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    for (let d = 1; d <= 8; d++) await writeDailyBackup(dir, 'x', day(d));
    expect(readdirSync(dir)).toContain('notes.txt');
    expect(readdirSync(dir)).toHaveLength(8);
  });

  it('is reached through the bridge with a folder main chose; the renderer sends only the content', async () => {
    const handlers = createHandlers({ dialogs: { pickFiles: async () => null, pickFolder: async () => null, pickSaveLocation: async () => null, pickSaveFolder: async () => null }, version: '1', platform: 'linux', backupDir: dir, now: () => day(2) });
    await expect(handlers.writeAutoBackup('content')).resolves.toMatchObject({ location: path.join(dir, 'spanlight-backup-2025-01-02.jsonl') });
    await expect(handlers.autoBackupInfo()).resolves.toMatchObject({ folder: dir, backups: [{ day: '2025-01-02', bytes: 7 }] });
    expect(bridgeArgSchemas.writeAutoBackup.safeParse(['x', '/etc/passwd']).success).toBe(false);
    expect(bridgeArgSchemas.writeAutoBackup.safeParse([{ path: '/etc' }]).success).toBe(false);
  });
});
