/**
 * The audit view end to end: gold against a model's predictions (figures checked by hand against
 * the fixture), the error list filtered by class and label, an error opened in its document, and
 * the report exported as JSON and CSV. Screenshots of every lead view at three window sizes.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { importFiles, startAs } from './helpers';

const fixture = (name: string) => readFile(new URL(`../fixtures/lead/${name}`, import.meta.url), 'utf8');

async function importFixtures(page: Page, names: string[]): Promise<void> {
  await importFiles(page, await Promise.all(names.map(async (name) => ({ name, content: await fixture(name) }))));
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
}

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

test('gold against a model: scores, classes, errors in context, an error opened, JSON and CSV', async ({ page }) => {
  await startAs(page, 'Lea');
  await importFixtures(page, ['gold.jsonl', 'model-ner.jsonl']);
  await views(page).getByRole('button', { name: 'Audit' }).click();
  await expect(page.getByLabel('Reference', { exact: true })).toHaveValue('gold');
  await expect(page.getByLabel('against', { exact: true })).toHaveValue('model:ner');

  // Gold 12 spans, predictions 10, 8 identical: P 0.800, R 0.667, F1 16 / 22.
  const summary = page.getByRole('region', { name: 'model:ner against gold' });
  await expect(summary).toContainText('F1 exact0.727P 0.800 · R 0.667 · 8 of 12 reference spans, 10 compared');
  await expect(summary).toContainText('F1 overlap0.818');
  const classes = page.getByRole('region', { name: 'Audit classes' });
  for (const [name, n] of [['correct', 8], ['wrong label', 1], ['wrong boundaries', 1], ['wrong both', 0], ['missed', 2], ['spurious', 0]] as const) {
    await expect(classes.getByRole('button', { name: new RegExp(`^${name} ${n} `) })).toBeVisible();
  }
  const scores = page.getByRole('table', { name: /gold is the reference/ });
  // ACTOR: gold 3, predicted 4, 2 identical (P 0.5, R 0.667, F1 0.571); overlap adds la Russie ~ Russie.
  await expect(scores.getByRole('row', { name: /^ACTOR 3 4 2 0\.500 0\.667 0\.571 3 0\.750 1\.000 0\.857$/ })).toBeVisible();

  const errors = page.getByRole('region', { name: /^Errors/ });
  await expect(errors.getByRole('listitem')).toHaveCount(4);
  await classes.getByRole('button', { name: /^missed 2/ }).click();
  await expect(errors.getByRole('listitem')).toHaveCount(2);
  await errors.getByRole('combobox', { name: /^Label/ }).selectOption('WEAPON');
  await expect(errors.getByRole('listitem')).toHaveCount(1);
  await expect(errors.getByRole('listitem')).toContainText('539 drones et 11 missilesWEAPON sur');

  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const report = JSON.parse(await readFile((await (await json).path())!, 'utf8')) as { exact: { tp: number; gold_count: number; pred_count: number }; classes: Record<string, number>; errors: { class: string; gold: { start: number; end: number; text: string } | null }[] };
  expect(report.exact).toMatchObject({ tp: 8, gold_count: 12, pred_count: 10 });
  expect(report.classes).toEqual({ correct: 8, wrong_label: 1, wrong_boundaries: 1, wrong_both: 0, missed: 2, spurious: 0 });
  expect(report.errors.filter((e) => e.class === 'missed').map((e) => e.gold!.text)).toEqual(['Ukraine', 'missiles']);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Errors CSV' }).click();
  const rows = (await readFile((await (await csv).path())!, 'utf8')).trim().split('\r\n');
  expect(rows[0]).toBe('document,title,class,gold_start,gold_end,gold_label,gold_text,pred_start,pred_end,pred_label,pred_text,shared,context');
  expect(rows).toHaveLength(5);
  expect(rows.some((r) => r.includes(',wrong_label,148,152,COUNT,deux,148,152,ACTOR,deux,'))).toBe(true);
  await page.screenshot({ path: 'tests/screenshots/lead-audit.png' });

  // An error opens its document at that place, gold and the model's lanes side by side.
  await errors.getByRole('button', { name: /^Open .* at “missiles”/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adjudicate' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Lanes under the text, top to bottom' })).toContainText('model:ner');
  await expect(page.getByRole('document', { name: /each annotator’s spans underlined/ }).locator('.in-focus')).toHaveText('missiles');
});

test('screenshots of the lead views at 1280×800, 1920×1080 and 720×480', async ({ page }) => {
  await startAs(page, 'Lea');
  await importFixtures(page, ['alice.jsonl', 'bob.jsonl', 'model-ner.jsonl']);
  for (const [w, h] of [[1280, 800], [1920, 1080], [720, 480]] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const view of ['Agreement', 'Adjudicate', 'Audit'] as const) {
      // Below 1200 px the views are a menu.
      if (w < 1200) {
        await page.getByRole('button', { name: /^View: / }).click();
        await page.getByRole('menuitem', { name: view }).click();
      } else {
        await views(page).getByRole('button', { name: view }).click();
      }
      await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /Reading|Computing|Auditing|Finding|Handing/ })).toHaveCount(0);
      await page.screenshot({ path: `tests/screenshots/lead-${view.toLowerCase()}-${w}x${h}.png` });
    }
  }
});
