/** Fault suite: two pages on one profile editing one document keep all their acknowledged edits and show each other's within a second. */
import { expect, test, type Page } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';
const FIRST_LINE = "Kiev [Ukraine], Au milieu de tensions persistantes, la Russie et l'Ukraine ont mené des frappes aériennes";
const at = (word: string): [number, number] => [FIRST_LINE.indexOf(word), FIRST_LINE.indexOf(word) + word.length];
const saveState = (page: Page) => page.getByRole('status', { name: 'Save state' });

async function tag(page: Page, word: string, key: string): Promise<void> {
  await mouseSelect(page, 0, ...at(word));
  await page.keyboard.press(key);
}

test('two pages on the same document: each keeps its edits and shows the other\'s within a second', async ({ page: a, context }) => {
  await startAs(a, 'Zoe');
  const b = await context.newPage();
  await b.goto('/');
  await openDocument(a, KIEV_DOC);
  await openDocument(b, KIEV_DOC);

  await tag(a, 'Kiev', '2');
  await expect(saveState(a)).toHaveText('All changes saved');
  await expect.poll(() => listedSpans(b), { timeout: 1000 }).toEqual(['LOCATION Kiev']);
  await tag(b, 'Ukraine', '2');
  await expect(saveState(b)).toHaveText('All changes saved');
  await expect.poll(() => listedSpans(a), { timeout: 1000 }).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);

  // Both edit at once, neither waiting for the other: each selects, then both keys go together.
  await mouseSelect(a, 0, ...at('milieu'));
  await mouseSelect(b, 0, ...at('tensions'));
  await Promise.all([a.keyboard.press('1'), b.keyboard.press('3')]);
  const all = ['LOCATION Kiev', 'LOCATION Ukraine', 'ACTOR milieu', 'COUNT tensions'];
  await expect.poll(async () => (await listedSpans(a)).sort(), { timeout: 1000 }).toEqual([...all].sort());
  await expect.poll(async () => (await listedSpans(b)).sort(), { timeout: 1000 }).toEqual([...all].sort());
  // The document list counts what is on disk, in both pages.
  await expect(a.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: /Kiev \[Ukraine\]/ })).toContainText('4 spans');
  await a.screenshot({ path: 'tests/screenshots/two-pages-a.png' });

  // A deletes a span B relabels at the same time: the deletion and the relabel of a deleted span leave it deleted in both.
  await a.getByRole('region', { name: 'Spans' }).getByRole('button', { name: /ACTOR milieu/ }).click();
  await b.getByRole('region', { name: 'Spans' }).getByRole('button', { name: /ACTOR milieu/ }).click();
  await Promise.all([a.keyboard.press('Delete'), b.keyboard.press('4')]);
  const left = ['LOCATION Kiev', 'LOCATION Ukraine', 'COUNT tensions'].sort();
  await expect.poll(async () => (await listedSpans(a)).sort(), { timeout: 1000 }).toEqual(left);
  await expect.poll(async () => (await listedSpans(b)).sort(), { timeout: 1000 }).toEqual(left);

  for (const page of [a, b]) {
    await expect(saveState(page)).toHaveText('All changes saved');
    await page.reload();
    await openDocument(page, KIEV_DOC);
    await expect.poll(async () => (await listedSpans(page)).sort()).toEqual(left);
  }
});
