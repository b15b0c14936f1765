/** The desktop app keeps a backup a day in its user-data folder and says where (its bridge stands in for Electron's here). */
import { expect, test } from '@playwright/test';
import { startAs } from './helpers';

test('the desktop app writes today\'s automatic backup after start and the dialog says where backups are kept', async ({ page }) => {
  await page.clock.install();
  await page.addInitScript(() => {
    const folder = '/home/ana/.config/Spanlight/backups';
    const backups: { name: string; day: string; bytes: number; modifiedAt: number }[] = [{ name: 'spanlight-backup-2020-01-01.jsonl', day: '2020-01-01', bytes: 2048, modifiedAt: 0 }];
    const w = window as unknown as { spanlight: unknown; written: string[] };
    w.written = [];
    w.spanlight = {
      openTextFiles: async () => null,
      openFolder: async () => null,
      saveFile: async () => ({ saved: false }),
      saveFiles: async () => ({ saved: false }),
      appInfo: async () => ({ version: 'test', platform: 'linux', shell: 'electron' }),
      autoBackupInfo: async () => ({ folder, kept: 7, backups: [...backups] }),
      writeAutoBackup: async (content: string) => {
        w.written.push(content);
        const now = new Date();
        const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
        backups.unshift({ name: `spanlight-backup-${day}.jsonl`, day, bytes: content.length, modifiedAt: now.getTime() });
        return { location: `${folder}/spanlight-backup-${day}.jsonl`, folder, removed: [] };
      },
    };
  });
  await startAs(page, 'Ana');
  await page.getByRole('button', { name: 'Backup & data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backup and restore' });
  await expect(dialog).toContainText('Automatic backups: one a day, the last 7 kept, in /home/ana/.config/Spanlight/backups (latest 2020-01-01, 2 KB).');
  expect(await page.evaluate(() => (window as unknown as { written: string[] }).written.length)).toBe(0);
  // Today's backup is written once the window has settled.
  await page.clock.fastForward(21_000);
  await expect.poll(() => page.evaluate(() => (window as unknown as { written: string[] }).written.length)).toBe(1);
  const content = await page.evaluate(() => (window as unknown as { written: string[] }).written[0]!);
  expect(JSON.parse(content.split('\n')[0]!)).toMatchObject({ format: 'spanlight-backup', version: 1, tables: { documents: 5 } });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Backup & data…' }).click();
  await expect(dialog).not.toContainText('latest 2020-01-01');
});
