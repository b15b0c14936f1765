/** Fault suite: a backup restored into a fresh profile gives back an identical database; a damaged one is refused before anything changes. */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';
import { dumpIndexedDb } from './storage-dump';

const KIEV_DOC = 'Kiev [Ukraine]';

async function openBackupDialog(page: Page) {
  await page.getByRole('button', { name: 'Backup & data…' }).click();
  return page.getByRole('dialog', { name: 'Backup and restore' });
}

async function restoreFrom(page: Page, file: string) {
  const dialog = await openBackupDialog(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Restore…' }).click();
  await (await chooser).setFiles(file);
  return dialog;
}

test('back up, restore into a fresh profile: an identical database; a damaged backup is refused and changes nothing', async ({ page, browser }, testInfo) => {
  await startAs(page, 'Rae');
  await openDocument(page, KIEV_DOC);
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await mouseSelect(page, 0, 6, 13);
  await page.keyboard.press('2');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Flag…' }).click();
  await page.getByLabel('Flag note').fill('Drones: WEAPON or ACTOR?');
  await page.getByRole('button', { name: 'Flag document' }).click();
  // A colleague's CoNLL file: its tokens are kept with the text.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles({ name: 'bob.conll', mimeType: 'text/plain', buffer: Buffer.from('-DOCSTART-\n\nLviv\tB-LOCATION\ntouchée\tO\n.\tO\n') });
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Imported 1 new document');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

  let dialog = await openBackupDialog(page);
  await expect(dialog.getByRole('status', { name: 'Storage persistence' })).not.toHaveText(/Checking/);
  await page.screenshot({ path: 'tests/screenshots/backup-dialog.png' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Back up…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^spanlight-backup-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const backup = testInfo.outputPath('backup.jsonl');
  await download.saveAs(backup);
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Backup written');
  const original = await dumpIndexedDb(page);

  // A fresh profile: another person starts, then restores the backup.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const fresh = await context.newPage();
  await startAs(fresh, 'Someone');
  // The first document is open (and remembered as the last one) before the profile is compared.
  await expect(fresh.getByRole('heading', { level: 1 })).toBeVisible();
  const damaged = testInfo.outputPath('damaged.jsonl');
  await writeFile(damaged, (await readFile(backup, 'utf8')).replace('Drones: WEAPON or ACTOR?', 'Drones: WEAPON or COUNT?'));
  const before = await dumpIndexedDb(fresh);
  dialog = await restoreFrom(fresh, damaged);
  await expect(dialog.getByRole('alert')).toContainText(/damaged\.jsonl: The checksum of the backup's \w+ does not match/);
  await expect(dialog.getByRole('alert')).toContainText('Nothing was changed.');
  expect(await dumpIndexedDb(fresh)).toEqual(before);
  await dialog.getByRole('button', { name: 'Close' }).click();

  dialog = await restoreFrom(fresh, backup);
  const plan = dialog.getByRole('region', { name: 'Restore plan' });
  await expect(plan).toContainText('it will be replaced by the backup, an identical copy');
  await fresh.screenshot({ path: 'tests/screenshots/restore-plan.png' });
  await plan.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(fresh.getByRole('status', { name: 'Messages' })).toContainText('Restored backup.jsonl');
  await expect(fresh.getByRole('button', { name: 'Annotator: Rae (change annotator or name)' })).toBeVisible();
  expect(await dumpIndexedDb(fresh)).toEqual(original);

  // It works as it did: the undo history came along too.
  await openDocument(fresh, KIEV_DOC);
  await expect.poll(() => listedSpans(fresh)).toEqual(['LOCATION Kiev']);
  await fresh.keyboard.press('Control+Shift+z');
  await expect.poll(() => listedSpans(fresh)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await context.close();
});
