/** Status surprises and gentle warnings: "Annotations of" falls back to your own set, reopening is announced, odd spans are warned about, full titles in the list. */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { importFiles, listedSpans, mouseSelect, mouseSelectAcross, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';
const DRONES_DOC = 'La Russie a lancé 539 drones';
const messages = (page: Page) => page.getByRole('status', { name: 'Messages' });

async function importFile(page: Page, name: string, content: string, annotator?: string) {
  await importFiles(page, [{ name, content }]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  if (annotator) await dialog.getByLabel(`Annotator for ${name}`).fill(annotator);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('"Annotations of" follows to a document where that person has annotations, and falls back to your own where they have none', async ({ page }) => {
  const kiev = await readFile('seeds/articles/000_94f52200e1e5e551.txt', 'utf8');
  const drones = await readFile('seeds/articles/001_188d05a2242321ba.txt', 'utf8');
  await startAs(page, 'Lea');
  await importFile(page, 'gold.jsonl', `${JSON.stringify({ text: kiev, label: [[0, 4, 'LOCATION']] })}\n${JSON.stringify({ text: drones, label: [[3, 9, 'ACTOR']] })}\n`, 'gold');

  await openDocument(page, KIEV_DOC);
  await page.getByLabel('Annotations of').selectOption('gold');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DRONES_DOC);
  // gold annotated this one too: still gold's, read-only.
  await expect(page.getByLabel('Annotations of')).toHaveValue('gold');
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR Russie']);

  // gold has nothing on the third document: your own set, editable, and said so.
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('L’Ukraine a annoncé');
  await expect(messages(page)).toHaveText(/gold has no annotations on this document: showing yours\./);
  await expect(page.getByLabel('Annotations of')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark done' })).toBeEnabled();
  await mouseSelect(page, 0, 0, 9);
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION L’Ukraine']);
  // Back on a document gold annotated, you stay on your own set.
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DRONES_DOC);
  await expect(page.getByLabel('Annotations of')).toHaveValue('Lea');
});

test('an edit that reopens a done document is announced in the messages live region', async ({ page }) => {
  await startAs(page, 'Mo');
  await openDocument(page, KIEV_DOC);
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DRONES_DOC);
  await page.keyboard.press('p');
  await expect(page.getByLabel('Status: Done')).toBeVisible();
  await mouseSelect(page, 0, 6, 13);
  await page.keyboard.press('2');
  await expect(page.getByLabel('Status: In progress')).toBeVisible();
  const region = messages(page);
  await expect(region).toContainText('This document is in progress again after your edit');
  // role=status is a polite live region that was in the page before the message came.
  expect(await region.evaluate((el) => el.getAttribute('role') === 'status' && el.getAttribute('aria-live') !== 'off')).toBe(true);
});

test('a span across a line break or of punctuation only is kept, with a gentle warning that can be dismissed', async ({ page }) => {
  await startAs(page, 'Nia');
  await openDocument(page, KIEV_DOC);
  // From "Jazeera." at the end of the first paragraph to "L'attaque" at the start of the next one.
  await mouseSelectAcross(page, { paragraph: 0, offset: 222 }, { paragraph: 2, offset: 9 });
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toEqual(["ACTOR Jazeera. L'attaque"]);
  await expect(messages(page)).toContainText('This span crosses a line break');
  await messages(page).getByRole('button', { name: 'Dismiss message' }).click();
  await expect(messages(page)).toHaveText('');

  // "]," of "Kiev [Ukraine], Au": punctuation only.
  await mouseSelect(page, 0, 13, 15);
  await page.keyboard.press('2');
  await expect(messages(page)).toContainText('This span is punctuation only (“],”)');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION ],', "ACTOR Jazeera. L'attaque"]);
  // A plain word: no warning.
  await messages(page).getByRole('button', { name: 'Dismiss message' }).click();
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toHaveLength(3);
  await expect(messages(page)).toHaveText('');
});

test('the document list shows long titles on two lines and the whole title on hover and to assistive technology', async ({ page }) => {
  await startAs(page, 'Oz');
  const title = 'Frappes de drones sur Odessa, Kharkiv et Zaporijia : bilan des autorités régionales, réactions internationales et suite';
  await importFile(page, 'long.jsonl', `${JSON.stringify({ text: 'Odessa sous les drones.', meta: { title } })}\n`);
  const row = page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: new RegExp(title.slice(-30)) });
  await expect(row).toHaveAttribute('title', title);
  // Cut on screen (two lines), never silently: the hover title and the accessible name hold all of it.
  expect(await row.locator('.doc-row-title').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await row.hover();
  await page.screenshot({ path: 'tests/screenshots/long-title.png' });
});
