/** Label-first tagging (choose a label, then every drag or double-click tags with it, until Escape) beside selection-first, and double-click on a token. */
import { expect, test, type Page } from '@playwright/test';
import { charBox, clickText, doubleClickText, documentText, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';
const DRONES_DOC = 'La Russie a lancé 539 drones';
// Paragraph 0 of the Kiev seed.
const KIEV_P0 = "Kiev [Ukraine], Au milieu de tensions persistantes, la Russie et l'Ukraine ont mené des frappes aériennes pendant la nuit";
// Paragraph 0 of the drones seed.
const DRONES_P0 = 'La Russie a lancé 539 drones et 11 missiles sur l’Ukraine dans la nuit du jeudi 3 au vendredi 4 juillet, comme rapporté par l’armée';

const banner = (page: Page) => page.getByRole('status', { name: 'Label-first mode' });
const labelButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: new RegExp(name) });
const at = (text: string, word: string, from = 0) => {
  const start = text.indexOf(word, from);
  if (start < 0) throw new Error(`${word} not found`);
  return [start, start + word.length] as const;
};

test('a label key with nothing selected starts label-first mode: each drag and double-click tags until Escape; a selection still takes the key', async ({ page }) => {
  await startAs(page, 'Pia');
  await openDocument(page, KIEV_DOC);
  await expect(banner(page)).toHaveText('');

  await page.keyboard.press('2');
  await expect(banner(page)).toContainText('Tagging with LOCATION');
  await expect(banner(page)).toContainText('Esc to stop');
  await expect(labelButton(page, 'LOCATION')).toHaveAttribute('aria-pressed', 'true');

  // A drag tags at once, snapped to the whole word ("ie" of "Kiev").
  await mouseSelect(page, 0, 1, 3);
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  // A double-click tags the token under the pointer: in "l'Ukraine" that is "Ukraine" (the elision is its own token), not the browser's word.
  const [u, uEnd] = at(KIEV_P0, 'Ukraine', 20);
  await doubleClickText(page, 0, u + 2, u + 3);
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  expect(await page.evaluate(() => document.querySelectorAll('mark[data-labels="LOCATION"]').length)).toBe(2);
  await expect(documentText(page).locator('mark[data-labels="LOCATION"]').nth(1)).toHaveText(KIEV_P0.slice(u, uEnd));
  await page.screenshot({ path: 'tests/screenshots/label-first.png' });

  // A plain click on a highlight still selects its span, and tags nothing; Escape then clears that selection first, the mode stays.
  await clickText(page, 0, 1, 3);
  await expect(page.getByRole('status', { name: 'Selected span' })).toContainText('LOCATION “Kiev”');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status', { name: 'Selected span' })).toContainText('No span selected');
  await expect(banner(page)).toContainText('Tagging with LOCATION');

  // With a selection (here made with the keyboard), a label key tags it with that label, and the mode stays.
  const [r] = at(KIEV_P0, 'Russie');
  const box = await charBox(page, 0, r, r + 1);
  await page.mouse.click(box.x1 + 1, box.y1);
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('1');
  await expect.poll(async () => (await listedSpans(page)).sort()).toEqual(['ACTOR Russie', 'LOCATION Kiev', 'LOCATION Ukraine']);
  await expect(banner(page)).toContainText('Tagging with LOCATION');

  // Escape leaves the mode (with nothing selected); a drag then only selects, and a key tags it.
  await page.keyboard.press('Escape');
  await expect(banner(page)).toHaveText('');
  await expect(labelButton(page, 'LOCATION')).toHaveAttribute('aria-pressed', 'false');
  const [m] = at(KIEV_P0, 'milieu');
  await mouseSelect(page, 0, m, m + 6);
  await expect.poll(() => listedSpans(page)).toHaveLength(3);
  await page.keyboard.press('3');
  await expect.poll(async () => (await listedSpans(page)).sort()).toEqual(['ACTOR Russie', 'COUNT milieu', 'LOCATION Kiev', 'LOCATION Ukraine']);
});

test('a label button toggles label-first mode, Alt keeps exact characters, the mode follows to the next document, and Stop leaves it', async ({ page }) => {
  await startAs(page, 'Quy');
  await openDocument(page, KIEV_DOC);
  await labelButton(page, 'WEAPON').click();
  await expect(banner(page)).toContainText('Tagging with WEAPON');
  await labelButton(page, 'WEAPON').click();
  await expect(banner(page)).toHaveText('');
  await labelButton(page, 'COUNT').click();
  await expect(banner(page)).toContainText('Tagging with COUNT');

  // Alt held while releasing the drag keeps the exact characters "Kie".
  await page.keyboard.down('Alt');
  await mouseSelect(page, 0, 0, 3);
  await page.keyboard.up('Alt');
  await expect.poll(() => listedSpans(page)).toEqual(['COUNT Kie']);

  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DRONES_DOC);
  await expect(banner(page)).toContainText('Tagging with COUNT');
  const [n] = at(DRONES_P0, '539');
  await doubleClickText(page, 0, n, n + 1);
  await expect.poll(() => listedSpans(page)).toEqual(['COUNT 539']);
  await banner(page).getByRole('button', { name: 'Stop' }).click();
  await expect(banner(page)).toHaveText('');
});

test('keyboard users tag in label-first mode with Shift+arrows and Enter', async ({ page }) => {
  await startAs(page, 'Ray');
  await openDocument(page, KIEV_DOC);
  await page.keyboard.press('2');
  await documentText(page).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Enter');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
});

test('a double-click selects one token in selection-first mode, and a key tags it', async ({ page }) => {
  await startAs(page, 'Sam');
  await openDocument(page, DRONES_DOC);
  const [a] = at(DRONES_P0, 'armée');
  await doubleClickText(page, 0, a + 1, a + 2);
  // "l’armée": the browser would take the whole word; the token is "armée".
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('armée');
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR armée']);
});

/** Counts what a person does: key presses (not modifiers alone) and mouse presses that start a drag, a click or a double-click. */
async function countActions(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { actions?: number };
    if (w.actions === undefined) {
      addEventListener('keydown', (e) => !['Shift', 'Control', 'Alt', 'Meta'].includes(e.key) && !e.repeat && w.actions!++, true);
      addEventListener('mousedown', (e) => e.detail === 1 && w.actions!++, true);
    }
    w.actions = 0;
  });
  return async () => page.evaluate(() => (window as unknown as { actions: number }).actions);
}

async function switchAnnotator(page: Page, name: string) {
  await page.getByRole('button', { name: /Annotator:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotator' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Annotate as this person' }).click();
  await expect(page.getByRole('region', { name: 'Spans' })).toContainText('No spans yet');
}

test('actions per span: label-first needs one action per span after choosing the label, selection-first two', async ({ page }) => {
  // Six spans of the first sentence of the drones article, tagged three ways by three people.
  const words = [at(DRONES_P0, 'Russie'), at(DRONES_P0, '539'), at(DRONES_P0, 'drones'), at(DRONES_P0, '11'), at(DRONES_P0, 'missiles'), at(DRONES_P0, 'Ukraine')];
  const labels = ['1', '3', '4', '3', '4', '2'];
  const expected = ['ACTOR Russie', 'COUNT 539', 'WEAPON drones', 'COUNT 11', 'WEAPON missiles', 'LOCATION Ukraine'];
  await startAs(page, 'Una');
  await openDocument(page, DRONES_DOC);
  const results: Record<string, number> = {};

  // Selection-first: drag, then the label key.
  let actions = await countActions(page);
  for (const [i, [s, e]] of words.entries()) {
    await mouseSelect(page, 0, s, e);
    await page.keyboard.press(labels[i]!);
  }
  await expect.poll(() => listedSpans(page)).toEqual(expected);
  results['selection-first (drag + key)'] = (await actions()) / words.length;

  // Label-first, one pass per label (as Prodigy users work): a label key, then one drag per span.
  await switchAnnotator(page, 'Vic');
  actions = await countActions(page);
  for (const label of ['1', '2', '3', '4']) {
    await page.keyboard.press(label);
    for (const [i, [s, e]] of words.entries()) if (labels[i] === label) await mouseSelect(page, 0, s, e);
  }
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await listedSpans(page)).sort()).toEqual([...expected].sort());
  // The Escape that leaves the mode counts too.
  results['label-first, one pass per label (drags)'] = (await actions()) / words.length;

  // Label-first with double-clicks, one label for a whole run (six spans tagged COUNT, say, when only one label is being done).
  await switchAnnotator(page, 'Wes');
  actions = await countActions(page);
  await page.keyboard.press('3');
  for (const [s] of words) await doubleClickText(page, 0, s, s + 1);
  await page.keyboard.press('Escape');
  await expect.poll(() => listedSpans(page)).toHaveLength(6);
  results['label-first, one label (double-clicks)'] = (await actions()) / words.length;

  console.log('Actions per span:', JSON.stringify(results));
  expect(results['selection-first (drag + key)']).toBe(2);
  // 4 label keys + 6 drags + Escape over 6 spans; 1 key + 6 double-clicks + Escape.
  expect(results['label-first, one pass per label (drags)']).toBeCloseTo(11 / 6, 5);
  expect(results['label-first, one label (double-clicks)']).toBeCloseTo(8 / 6, 5);
});
