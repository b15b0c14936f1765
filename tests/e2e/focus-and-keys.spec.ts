/** Focus and keyboard: focus back in the text after every document change, one Tab stop per list with arrow keys, the shortcut sheet, the skip link. */
import { expect, test, type Page } from '@playwright/test';
import { SHORTCUTS } from '../../renderer/annotate/shortcuts';
import { documentText, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const docList = (page: Page) => page.getByRole('navigation', { name: 'Documents' });

test('the keyboard focus is back in the document text after every document change', async ({ page }) => {
  await startAs(page, 'Ana');
  await openDocument(page, KIEV_DOC);
  // A click in the list.
  await expect(documentText(page)).toBeFocused();

  await page.keyboard.press('n');
  await expect(heading(page)).toContainText('La Russie a lancé 539 drones');
  await expect(documentText(page)).toBeFocused();
  await page.keyboard.press('p');
  await expect(heading(page)).toContainText(KIEV_DOC);
  await expect(documentText(page)).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(heading(page)).toContainText('La Russie a lancé 539 drones');
  await expect(documentText(page)).toBeFocused();

  await page.getByRole('button', { name: 'Mark done' }).click();
  await expect(heading(page)).toContainText('L’Ukraine a annoncé');
  await expect(documentText(page)).toBeFocused();
  await page.getByRole('button', { name: 'Skip' }).click();
  await expect(heading(page)).toContainText('Le président du Kazakhstan');
  await expect(documentText(page)).toBeFocused();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(heading(page)).toContainText('La Russie et l’Ukraine ont échangé');
  await expect(documentText(page)).toBeFocused();

  // The keys go on working from there: a keyboard selection and a label key tag at once.
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR La Russie']);
});

test('the document list is one Tab stop: arrows move, Enter opens, and the focus goes to the text', async ({ page }) => {
  await startAs(page, 'Ben');
  await openDocument(page, KIEV_DOC);
  const rows = docList(page).getByRole('listitem').getByRole('button');
  await expect(rows).toHaveCount(5);
  // Only the current document is a Tab stop.
  expect(await rows.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).tabIndex))).toEqual([0, -1, -1, -1, -1]);
  await docList(page).getByLabel('Search in text').focus();
  await page.keyboard.press('Tab');
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.nth(4)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(3)).toBeFocused();
  // Moving does not open; Enter does, and the text takes the focus.
  await expect(heading(page)).toContainText(KIEV_DOC);
  await page.keyboard.press('Enter');
  await expect(heading(page)).toContainText('Le président du Kazakhstan');
  await expect(documentText(page)).toBeFocused();
  // Tab out of the list and back in with Shift+Tab lands on the current document.
  await rows.nth(3).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveAttribute('data-roving-index');
  await page.keyboard.press('Shift+Tab');
  await expect(rows.nth(3)).toBeFocused();
});

test('the span list is one Tab stop: arrows select span after span, a label key relabels, Delete removes', async ({ page }) => {
  await startAs(page, 'Cleo');
  await openDocument(page, KIEV_DOC);
  for (const [s, e] of [[0, 4], [6, 13], [16, 18]] as const) {
    await mouseSelect(page, 0, s, e);
    await page.keyboard.press('2');
  }
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine', 'LOCATION Au']);
  const spanRows = page.getByRole('region', { name: 'Spans' }).getByRole('button');
  await spanRows.first().click();
  await expect(page.getByRole('status', { name: 'Selected span' })).toContainText('LOCATION “Kiev”');
  await page.keyboard.press('ArrowDown');
  await expect(spanRows.nth(1)).toBeFocused();
  await expect(page.getByRole('status', { name: 'Selected span' })).toContainText('LOCATION “Ukraine”');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('status', { name: 'Selected span' })).toContainText('LOCATION “Au”');
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine', 'ACTOR Au']);
  await page.keyboard.press('Home');
  await expect(spanRows.nth(0)).toBeFocused();
  await page.keyboard.press('Delete');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Ukraine', 'ACTOR Au']);
  expect(await spanRows.evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).tabIndex === 0).length)).toBe(1);
});

test('? opens the shortcut sheet, listing every key the handlers answer to', async ({ page }) => {
  await startAs(page, 'Dan');
  await openDocument(page, KIEV_DOC);
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const rows = sheet.getByRole('table', { name: 'Keys and what they do' }).getByRole('row');
  // A header row and one row per entry of the table the key handlers dispatch through.
  await expect(rows).toHaveCount(SHORTCUTS.length + 1);
  for (const shortcut of SHORTCUTS) await expect(sheet.getByRole('row', { name: shortcut.description })).toBeVisible();
  await expect(sheet.getByRole('row', { name: 'Shift+Ctrl+Z, Ctrl+Y, Shift+⌘Z Redo the span edit you undid' })).toBeVisible();
  await expect(sheet.getByRole('table', { name: 'Label keys of this project' }).getByRole('row', { name: /^4 WEAPON/ })).toBeVisible();
  await page.screenshot({ path: 'tests/screenshots/shortcut-sheet.png' });
  // Keys do not act behind the sheet; Escape closes it.
  await page.keyboard.press('n');
  await expect(heading(page)).toContainText(KIEV_DOC);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  // The top bar's button opens it too.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();
});

test('the first Tab stop is a skip link into the document text', async ({ page }) => {
  await startAs(page, 'Eli');
  await openDocument(page, KIEV_DOC);
  await page.reload();
  await expect(documentText(page)).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the document text' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(documentText(page)).toBeFocused();
  // From there the keyboard caret and selection work.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
});
