/**
 * While edits cannot be saved (a full disk), what would move or rewrite annotations is refused with
 * a message — renaming the annotator, renaming a label, switching projects — and the export dialog
 * says the unsaved edits are not in the export. Once saved, they go ahead.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';
import { newProfile, openProfile } from './storage-profile';
import { fillDisk, freeDisk } from './disk-full';

test('edits waiting for a retry: renaming the annotator or a label is refused, the export dialog says they are not in the export', async ({ playwright }) => {
  const profile = newProfile();
  const { context, page } = await openProfile(playwright, profile, 4_000_000);
  await startAs(page, 'Uma');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await fillDisk(page);
  await mouseSelect(page, 0, 6, 13);
  await page.keyboard.press('2');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Not saved — 1 change pending');

  // Renaming the annotator now would leave the unsaved edit under the old name: refused, with why.
  await page.getByRole('button', { name: /Annotator: Uma/ }).click();
  const nameDialog = page.getByRole('dialog', { name: 'Annotator' });
  await nameDialog.getByRole('textbox', { name: 'Name' }).fill('Ursula');
  await nameDialog.getByLabel(/A correction of my name/).check();
  await nameDialog.getByRole('button', { name: 'Rename' }).click();
  await expect(nameDialog.getByRole('alert')).toContainText('1 edit is not saved yet (saving failed; the line under the toolbar says why). To rename the annotator, let them be saved first');
  await page.screenshot({ path: 'tests/screenshots/rename-refused-unsaved.png' });
  await nameDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: /Annotator: Uma/ })).toBeVisible();

  // The export dialog says the unsaved edit is not in what it writes.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(exportDialog.getByRole('alert', { name: 'Unsaved edits' })).toContainText('1 edit is not saved (the disk is full');
  await expect(exportDialog.getByRole('alert', { name: 'Unsaved edits' })).toContainText('it is not in this export');
  await page.screenshot({ path: 'tests/screenshots/export-unsaved-note.png' });
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // A label rename is refused the same way.
  await page.getByRole('button', { name: 'Project: French war reporting' }).click();
  await page.getByRole('menuitem', { name: 'Project settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Project settings' });
  await settings.getByRole('listitem').filter({ hasText: 'LOCATION' }).getByRole('button', { name: 'Rename…' }).click();
  const rename = settings.getByRole('region', { name: 'Rename LOCATION' });
  await rename.getByLabel('New name').fill('PLACE');
  await rename.getByRole('button', { name: 'Rename to PLACE' }).click();
  await expect(rename.getByRole('alert')).toContainText('To rename a label, let them be saved first');
  await settings.getByRole('button', { name: 'Close' }).click();

  // Once the disk has room and the edit is saved, the rename goes through and keeps both spans.
  await freeDisk(page);
  await page.getByRole('alert', { name: 'Changes not saved' }).getByRole('button', { name: 'Retry now' }).click();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.getByRole('button', { name: /Annotator: Uma/ }).click();
  await nameDialog.getByRole('textbox', { name: 'Name' }).fill('Ursula');
  await nameDialog.getByLabel(/A correction of my name/).check();
  await nameDialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('button', { name: /Annotator: Ursula/ })).toBeVisible();
  await page.reload();
  await openDocument(page, 'Kiev [Ukraine]');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('radio', { name: /All documents/ }).check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog', { name: 'Export annotations' }).getByRole('button', { name: 'Export', exact: true }).click();
  const exported = await readFile((await (await downloading).path())!, 'utf8');
  expect(exported).toContain('"_annotator_id":"Ursula"');
  expect(exported).not.toContain('"Uma"');
  await context.close();
  profile.remove();
});
