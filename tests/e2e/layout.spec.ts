/** A layout for any window, from 720×480 (the window's minimum) to 4K: collapsible remembered panels, one-row toolbars, dialogs that scroll inside the window. */
import { expect, test, type Page } from '@playwright/test';
import { documentText, importFiles, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';
const docList = (page: Page) => page.getByRole('navigation', { name: 'Documents' });
const toggle = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Width the page would scroll sideways by (0: nothing overflows). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
/** Top-bar controls that stick out of the window (their names): none should, at any size. */
const outOfWindow = (page: Page) =>
  page.getByRole('banner').evaluate((bar) =>
    [...bar.querySelectorAll('button')]
      .filter((b) => b.offsetParent)
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return r.left < 0 || r.right > window.innerWidth;
      })
      .map((b) => b.getAttribute('aria-label') ?? b.textContent),
  );
/** Distinct row positions (top edges, rounded) of a toolbar's buttons. */
const rowsOf = (page: Page, name: string) =>
  page.getByRole('toolbar', { name }).getByRole('button').evaluateAll((buttons) => new Set(buttons.filter((b) => (b as HTMLElement).offsetParent).map((b) => Math.round(b.getBoundingClientRect().top))).size);

test('at 720×480 the text starts near the top, the panels start collapsed, and the document list floats over the text', async ({ page }) => {
  await page.setViewportSize({ width: 720, height: 480 });
  await startAs(page, 'Ola');
  await expect(documentText(page)).toBeVisible();
  await expect(docList(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Spans' })).toHaveCount(0);
  const top = await documentText(page).evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThan(240);
  await expect(documentText(page).locator('p').first()).toBeInViewport();
  expect(await overflow(page)).toBe(0);
  expect(await rowsOf(page, 'Document actions')).toBe(1);
  await page.screenshot({ path: 'tests/screenshots/layout-720x480.png' });
  // Every top-bar control is in the window: the views are a menu at this width.
  expect(await outOfWindow(page)).toEqual([]);
  await page.getByRole('button', { name: 'View: Annotate' }).click();
  await expect(page.getByRole('menu', { name: 'View: Annotate' }).getByRole('menuitem')).toHaveText(['Annotate', 'Agreement', 'Adjudicate', 'Audit']);
  await page.keyboard.press('Escape');

  // The document list opens over the text; choosing a document puts it away and the focus goes to the text.
  await toggle(page, 'Document list').click();
  await expect(toggle(page, 'Document list')).toHaveAttribute('aria-expanded', 'true');
  await expect(docList(page)).toBeVisible();
  await page.screenshot({ path: 'tests/screenshots/layout-720x480-documents.png' });
  await docList(page).getByRole('button', { name: /Kazakhstan/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kazakhstan');
  await expect(docList(page)).toHaveCount(0);
  await expect(documentText(page)).toBeFocused();
  // The import actions are in the Files menu at this width.
  await page.getByRole('button', { name: 'Files' }).click();
  await expect(page.getByRole('menu', { name: 'Files' }).getByRole('menuitem')).toHaveText(['Import files…', 'Import folder…']);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Files' })).toBeFocused();
  expect(await overflow(page)).toBe(0);
});

test('at 800×600 the text starts near the top; at 600 px wide nothing overflows, panels open or not', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await startAs(page, 'Pat');
  expect(await documentText(page).evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(240);
  await page.setViewportSize({ width: 600, height: 700 });
  expect(await overflow(page)).toBe(0);
  for (const name of ['Document list', 'Span list', 'Guidelines']) await toggle(page, name).click();
  await expect(page.getByRole('complementary', { name: 'Guidelines' })).toBeVisible();
  expect(await overflow(page)).toBe(0);
  await page.screenshot({ path: 'tests/screenshots/layout-600x700-panels.png' });
});

test('at 1280×800 each toolbar is one row; collapsed panels give the text the room and are remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await startAs(page, 'Quinn');
  await openDocument(page, KIEV_DOC);
  expect(await rowsOf(page, 'Document actions')).toBe(1);
  expect(await rowsOf(page, 'Labels')).toBe(1);
  expect(await page.getByRole('banner').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(50);
  expect(await outOfWindow(page)).toEqual([]);
  await page.screenshot({ path: 'tests/screenshots/layout-1280x800.png' });

  const before = await documentText(page).evaluate((el) => el.getBoundingClientRect().width);
  await toggle(page, 'Document list').click();
  await toggle(page, 'Span list').click();
  await expect(docList(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Spans' })).toHaveCount(0);
  await expect(toggle(page, 'Span list')).toHaveAttribute('aria-expanded', 'false');
  expect(await documentText(page).evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(before);
  await page.screenshot({ path: 'tests/screenshots/layout-1280x800-collapsed.png' });
  await page.reload();
  await expect(documentText(page)).toBeVisible();
  await expect(docList(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Spans' })).toHaveCount(0);
  await toggle(page, 'Span list').click();
  await expect(page.getByRole('region', { name: 'Spans' })).toBeVisible();
});

test('at 1920×1080 the label bar and the document toolbar share one row', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await startAs(page, 'Rae');
  await openDocument(page, KIEV_DOC);
  const middles = await page.evaluate(() =>
    ['Labels', 'Document actions'].map((name) => {
      const r = document.querySelector(`[role="toolbar"][aria-label="${name}"]`)!.getBoundingClientRect();
      return r.top + r.height / 2;
    }),
  );
  expect(Math.abs(middles[0]! - middles[1]!)).toBeLessThan(4);
  expect(await outOfWindow(page)).toEqual([]);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await page.screenshot({ path: 'tests/screenshots/layout-1920x1080.png' });
});

test('at 1280×800 the export dialog scrolls inside the window: with a long list of dropped spans its buttons stay in view, uncovered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await startAs(page, 'Sol');
  // Forty words each tagged twice: CoNLL can keep one tag per token, so forty spans are dropped.
  const words = Array.from({ length: 40 }, (_, i) => `Ville${i}`);
  const text = words.join(' ');
  const label = words.flatMap((w) => {
    const start = text.indexOf(w);
    return [[start, start + w.length, 'LOCATION'], [start, start + w.length, 'ACTOR']];
  });
  await importFiles(page, [{ name: 'villes.jsonl', content: `${JSON.stringify({ text, label })}\n` }]);
  // doccano names no annotator: these are Sol's own spans.
  await page.getByRole('dialog', { name: 'Import' }).getByLabel('Annotator for villes.jsonl').fill('Sol');
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('80 span(s)');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: /All documents/ }).check();
  await dialog.getByLabel('Format').selectOption('conll');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await downloading;
  await expect(dialog.getByRole('alert')).toContainText('dropped');
  expect(await dialog.getByRole('listitem').count()).toBeGreaterThanOrEqual(40);
  for (const name of ['Close', 'Export']) {
    const button = dialog.getByRole('button', { name, exact: true });
    await expect(button).toBeInViewport();
    // Nothing (no message) lies over the button: the point at its middle is the button.
    expect(await button.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
    })).toBe(true);
  }
  await page.screenshot({ path: 'tests/screenshots/layout-export-dropped-1280x800.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
