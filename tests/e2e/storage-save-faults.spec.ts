/** Fault suite: saves that tell the truth when the disk is full or the storage connection closes, and keep every edit for the retry. */
import { expect, test, type Page } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';
import { newProfile, openProfile } from './storage-profile';
import { fillDisk, freeDisk } from './disk-full';

const KIEV_DOC = 'Kiev [Ukraine]';
const saveState = (page: Page) => page.getByRole('status', { name: 'Save state' });

test('with the disk full, edits are not said saved: they wait in order, say why, and are stored when space comes back', async ({ playwright }) => {
  const profile = newProfile();
  const { context, page } = await openProfile(playwright, profile, 4_000_000);
  await startAs(page, 'Uma');
  await openDocument(page, KIEV_DOC);
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect(saveState(page)).toHaveText('All changes saved');

  await fillDisk(page);
  await mouseSelect(page, 0, 6, 13);
  await page.keyboard.press('2');
  await expect(saveState(page)).toHaveText('Not saved — 1 change pending');
  const problem = page.getByRole('alert', { name: 'Changes not saved' });
  await expect(problem).toContainText('the disk is full');
  await expect(problem).toContainText('Free some disk space');
  // A second edit also waits, after the first, and the span list says its spans are not all stored.
  await mouseSelect(page, 0, 16, 18);
  await page.keyboard.press('1');
  await expect(saveState(page)).toHaveText('Not saved — 2 changes pending');
  await expect(page.getByRole('region', { name: 'Spans' })).toContainText('2 edits not saved yet');
  await page.screenshot({ path: 'tests/screenshots/save-disk-full.png' });
  expect(await listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine', 'ACTOR Au']);

  await freeDisk(page);
  await problem.getByRole('button', { name: 'Retry now' }).click();
  await expect(saveState(page)).toHaveText('All changes saved');
  await expect(problem).toBeHidden();
  await page.reload();
  await openDocument(page, KIEV_DOC);
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine', 'ACTOR Au']);
  await context.close();
  profile.remove();
});

test('a storage connection closed under the app is reopened and the edit stored; nothing says saved before it is', async ({ page }) => {
  await startAs(page, 'Val');
  await openDocument(page, KIEV_DOC);
  // Another connection asks for a version change: Dexie closes the app's connection; the upgrade is then abandoned.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const probe = indexedDB.open('spanlight');
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const bump = indexedDB.open('spanlight', version + 1);
          bump.onupgradeneeded = () => bump.transaction!.abort();
          bump.onerror = () => resolve();
          bump.onsuccess = () => resolve();
        };
      }),
  );
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect(saveState(page)).toHaveText('All changes saved');
  await page.reload();
  await openDocument(page, KIEV_DOC);
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
});
