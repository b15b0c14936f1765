/**
 * A 1 MB document with 10,000 spans behaves like a short one while only what is near the screen is
 * rendered: jumping from the span list, selecting with the mouse into text that was not rendered,
 * Shift+PageDown and Ctrl+Shift+End, find, and spans across paragraphs — with exact offsets on export.
 */
import { expect, test, type Page } from '@playwright/test';
import { documentText, mouseSelect, settledCharBox, startAs } from './helpers';
import { blockAtMiddle, blockOnScreen, codePointOffset, exportedSpans, FAR_LINE, FIND_LINE, importLongDocument, lineText, longDocument, renderedBlocks, selectionBlocks } from './long-document-fixture';

test.describe.configure({ mode: 'serial' });

const doc = longDocument();
let page: Page;
/** Spans the tests create, checked together on export at the end: [label, start, end]. */
const created: [string, number, number][] = [];

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await startAs(page, 'Lou');
  await importLongDocument(page, doc, 'Lou');
});

test.afterAll(async () => {
  await page.close();
});

test('only the blocks near the screen are rendered, and the span list jumps to a span far below', async () => {
  const opened = await renderedBlocks(page);
  expect(opened.blocks[0]).toBe(0);
  expect(opened.blocks.length).toBeLessThan(120);
  expect(opened.marks).toBeLessThan(150);

  // Drag the span list's scrollbar near the far span, then wheel to it, as a person would.
  const list = page.getByRole('region', { name: 'Spans' });
  const codePoints = [...doc.text];
  const row = doc.spans.findIndex((s) => codePoints.slice(s[0], s[1]).join('') === 'Zaporijjia');
  await list.locator('.span-list-scroller').evaluate((el, top) => (el.scrollTop = top), (row - 8) * 34);
  await list.getByRole('list').hover();
  for (let i = 0; i < 20 && !(await list.getByRole('button', { name: 'LOCATION Zaporijjia' }).isVisible()); i++) await page.mouse.wheel(0, 200);
  await list.getByRole('button', { name: 'LOCATION Zaporijjia' }).click();
  const mark = documentText(page).locator('mark', { hasText: 'Zaporijjia' });
  await expect(mark).toBeInViewport();
  await expect(mark).toHaveAttribute('data-labels', 'LOCATION');
  await expect(page.getByRole('status', { name: 'Selected span' })).toContainText('LOCATION “Zaporijjia”');
  await expect.poll(() => blockOnScreen(page, FAR_LINE + 1)).toBe(true);
  const there = await renderedBlocks(page);
  expect(there.blocks.length).toBeLessThan(120);
  expect(Math.min(...there.blocks)).toBeGreaterThan(FAR_LINE - 200);
  // Deleting it works there too.
  await page.keyboard.press('Delete');
  await expect(mark).toHaveCount(0);
  await expect(list.getByRole('heading')).toContainText('9999');
});

test('a mouse drag that scrolls into text not rendered yet tags from where it started to where it ends', async () => {
  await documentText(page).focus();
  await page.keyboard.press('Control+Home');
  await expect.poll(() => blockOnScreen(page, 1)).toBe(true);
  const line = 2;
  const from = await settledCharBox(page, line + 1, lineText(line).indexOf('drones'), lineText(line).indexOf('drones') + 6);
  const renderedAtStart = (await renderedBlocks(page)).blocks;
  await page.mouse.move(from.x1 + 1, from.y1);
  await page.mouse.down();
  // Start selecting "drones", then scroll with the wheel while the button is held, far past what was rendered.
  await page.mouse.move(from.x2 - 1, from.y2, { steps: 3 });
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(30);
  }
  const target = await blockAtMiddle(page);
  expect(target).toBeGreaterThan(100);
  expect(renderedAtStart).not.toContain(target);
  const targetLine = target - 1;
  const kharkiv = lineText(targetLine).indexOf('Kharkiv');
  // As a person does, look where the word is now and point at it again until the pointer rests on it
  // (the paragraphs rendered by the scroll take their real heights in the frames that follow).
  let to = await settledCharBox(page, target, kharkiv, kharkiv + 7);
  for (let aim = 0; aim < 5; aim++) {
    await page.mouse.move(to.x2 - 1, to.y2, { steps: 4 });
    const now = await settledCharBox(page, target, kharkiv, kharkiv + 7);
    if (now.x2 === to.x2 && now.y2 === to.y2) break;
    to = now;
  }
  await page.mouse.up();
  expect(await selectionBlocks(page)).toEqual([line + 1, target]);
  await page.keyboard.press('4');
  const start = doc.lineStart[line]! + lineText(line).indexOf('drones');
  const end = doc.lineStart[targetLine]! + lineText(targetLine).indexOf('Kharkiv') + 7;
  created.push(['WEAPON', start, end]);
  await expect(page.getByRole('region', { name: 'Spans' }).getByRole('heading')).toContainText('10000');

  // The span covers whole paragraphs between its ends: each rendered one is painted WEAPON from end to end.
  const middle = await page.evaluate((target) => {
    const p = document.querySelector(`[aria-label="Document text"] p[data-block="${target - 3}"]`)!;
    return [...p.childNodes].map((n) => (n instanceof HTMLElement ? n.dataset.labels ?? '' : 'plain'));
  }, target);
  expect(middle.length).toBeGreaterThan(0);
  expect(middle.every((labels) => labels.split(' ').includes('WEAPON'))).toBe(true);
});

test('Shift+PageDown stretches a keyboard selection over several screens, and the tag lands on it exactly', async () => {
  await documentText(page).focus();
  await page.keyboard.press('Control+Home');
  const line = 3;
  await expect.poll(() => blockOnScreen(page, line + 1)).toBe(true);
  const frappes = lineText(line).indexOf('frappes');
  await mouseSelect(page, line + 1, frappes, frappes + 7);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+PageDown');
  // Four screens further down, the anchor still where the selection began.
  await expect.poll(async () => (await selectionBlocks(page))[1]).toBeGreaterThan(line + 25);
  expect((await selectionBlocks(page))[0]).toBe(line + 1);
  expect(await page.evaluate(() => window.getSelection()!.toString())).toMatch(/^frappes de drones/);
  await page.keyboard.press('1');
  const start = doc.lineStart[line]! + frappes;
  await expect(page.getByRole('region', { name: 'Spans' }).getByRole('heading')).toContainText('10001');
  created.push(['ACTOR', start, -1]);
});

test('Ctrl+End and Ctrl+Home go to the ends of the document; Ctrl+Shift+End selects to the end', async () => {
  await documentText(page).focus();
  await page.keyboard.press('Control+End');
  await expect.poll(() => blockOnScreen(page, doc.lineStart.length)).toBe(true);
  await expect(page.locator('.keyboard-caret')).toBeVisible();
  await page.keyboard.press('Control+Home');
  await expect.poll(() => blockOnScreen(page, 0)).toBe(true);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('Control+Shift+End');
  await expect.poll(() => page.evaluate(() => window.getSelection()!.toString().endsWith('ukrainienne.'))).toBe(true);
  await page.keyboard.press('3');
  await expect(page.getByRole('region', { name: 'Spans' }).getByRole('heading')).toContainText('10002');
  created.push(['COUNT', -1, doc.text.length]);
});

test('find (Ctrl+F) searches the whole text ignoring accents, scrolls to the match, and Escape leaves it selected to tag', async () => {
  await documentText(page).focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search', { name: 'Find in document' });
  await find.getByRole('searchbox').fill('SEBASTOPOL');
  await expect(find.getByRole('status')).toHaveText('1 of 1');
  await expect.poll(() => blockOnScreen(page, FIND_LINE + 1)).toBe(true);
  const painted = await page.evaluate(() => [...(CSS.highlights.get('spanlight-find-current') ?? [])].map((r) => (r as Range).toString()));
  expect(painted).toEqual(['Sébastopol']);
  await find.getByRole('searchbox').fill('kharkiv, selon');
  await expect(find.getByRole('status')).toHaveText(/^\d+ of 13,998$/);
  await find.getByRole('searchbox').fill('sébastopol');
  await expect(find.getByRole('status')).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();
  await page.keyboard.press('2');
  const start = doc.lineStart[FIND_LINE]! + lineText(FIND_LINE).indexOf('Sébastopol');
  created.push(['LOCATION', start, start + 'Sébastopol'.length]);
  await expect(documentText(page).locator('mark', { hasText: 'Sébastopol' })).toHaveAttribute('data-chip', 'LOCATION');
  await page.screenshot({ path: 'tests/screenshots/long-document-find.png' });
});

test('every span made on the long document is exported on exactly its characters', async () => {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  const spans = await exportedSpans(page, doc.text);
  // Exported offsets count code points (the text holds emoji): each span's text is what they point at.
  const codePoints = [...doc.text];
  for (const [label, start, end] of created) {
    const [cpStart, cpEnd] = [start < 0 ? -1 : codePointOffset(doc.text, start), end < 0 ? -1 : codePointOffset(doc.text, end)];
    const match = spans.find((s) => s[0] === label && (cpStart < 0 || s[1] === cpStart) && (cpEnd < 0 || s[2] === cpEnd) && (label !== 'LOCATION' || s[3] === 'Sébastopol'));
    expect(match, `${label} ${start}–${end}`).toBeTruthy();
    expect(match![3]).toBe(codePoints.slice(match![1], match![2]).join(''));
  }
  expect(spans.filter((s) => s[3] === 'Zaporijjia')).toEqual([]);
  // The imported spans too: every one still on its word, the last ones after a dozen emoji.
  for (const [, start, end, text] of spans.filter((s) => s[0] === 'LOCATION')) expect(codePoints.slice(start, end).join('')).toBe(text);
  expect(spans.filter((s) => s[3] === 'Kharkiv').length).toBeGreaterThan(9_990);
});
