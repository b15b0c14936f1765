/** Undo restores the status an edit changed, and the undo history survives a reload. */
import { expect, test } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';

test('undoing a tag that reopened a Done document puts Done back; undo still works after a reload', async ({ page }) => {
  await startAs(page, 'Ola');
  await openDocument(page, KIEV_DOC);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('1 / 5 done');
  await openDocument(page, KIEV_DOC);
  await expect(page.getByLabel('Status: Done')).toBeVisible();

  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect(page.getByLabel('Status: In progress')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('in progress again');
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('0 / 5 done');
  await page.keyboard.press('Control+z');
  await expect.poll(() => listedSpans(page)).toEqual([]);
  await expect(page.getByLabel('Status: Done')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('1 / 5 done');

  // Redo, then reload: the history is still there, and undo puts Done back again.
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.reload();
  await openDocument(page, KIEV_DOC);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect.poll(() => listedSpans(page)).toEqual([]);
  await expect(page.getByLabel('Status: Done')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
});
