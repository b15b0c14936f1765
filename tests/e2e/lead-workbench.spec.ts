/**
 * The lead's workbench end to end: import two annotators' files for seed articles, read the
 * agreement figures (checked by hand against the fixture), open the spans behind a figure,
 * adjudicate one document by keyboard into gold (with undo), export gold and check its spans and
 * their origins.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { importFiles, startAs } from './helpers';

const fixture = (name: string) => readFile(new URL(`../fixtures/lead/${name}`, import.meta.url), 'utf8');

/** Imports alice's and bob's files (one annotator per file, named inside it). */
export async function importTwoAnnotators(page: Page): Promise<void> {
  await importFiles(page, [
    { name: 'alice.jsonl', content: await fixture('alice.jsonl') },
    { name: 'bob.jsonl', content: await fixture('bob.jsonl') },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Imported 0 new documents');
}

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });

test('agreement figures, the spans behind them, adjudication by keyboard and the gold export', async ({ page }) => {
  await startAs(page, 'Lea');
  await importTwoAnnotators(page);

  await views(page).getByRole('button', { name: 'Agreement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agreement' })).toBeFocused();
  const pairs = page.getByRole('table', { name: /Span F1 of each pair/ });
  // alice 12 spans, bob 10, 8 identical: F1 = 16 / 22; with "la Russie" ~ "Russie", 18 / 22.
  await expect(pairs.getByRole('button', { name: /^alice and bob, F1, exact: 0\.727 2 docs \(8 matched of 12 and 10 spans\)/ })).toBeVisible();
  await expect(pairs.getByRole('button', { name: /alice and bob/ }).first()).toContainText('0.727');
  await page.getByLabel('Figure').selectOption('overlap');
  await expect(pairs.getByRole('button', { name: /^alice and bob, F1, overlap: 0\.818 2 docs \(9 matched of 12 and 10 spans\)/ }).first()).toBeVisible();
  // Per label: ACTOR alice 3, bob 4, 2 identical → 4 / 7; a label row says what it counts.
  const byLabel = page.getByRole('table', { name: /counts summed over documents/ });
  await expect(byLabel.getByRole('row', { name: /^ACTOR 3 4 2 0\.571 3 0\.857/ })).toBeVisible();
  await expect(byLabel.getByRole('row', { name: /^All labels 12 10 8 0\.727 9 0\.818/ })).toBeVisible();
  // The most disputed document first: the Kiev article, 3 disputed units (Ukraine, la Russie / Russie, deux).
  const ranking = page.getByRole('region', { name: 'Documents by disagreement' });
  await expect(ranking.getByRole('listitem').first()).toContainText('3 disputed');
  await expect(ranking.getByRole('listitem').first()).toContainText('Kiev [Ukraine]');

  // A confusion cell opens the spans behind it: alice's COUNT where bob said ACTOR is "deux".
  const confusion = page.getByRole('table', { name: /Rows: alice’s labels/ });
  await confusion.getByRole('button', { name: 'alice COUNT, bob ACTOR: 1 span. Show them' }).click();
  const drill = page.getByRole('region', { name: 'COUNT → ACTOR' });
  await expect(drill.getByRole('heading', { name: 'COUNT → ACTOR' })).toBeFocused();
  await expect(drill.getByRole('listitem')).toHaveCount(1);
  await expect(drill.getByRole('listitem')).toContainText(/alice….*victimes des deuxCOUNT côtés.*bob….*victimes des deuxACTOR côtés/);
  await page.screenshot({ path: 'tests/screenshots/lead-agreement-drill.png' });

  // Open it: the adjudicate view shows the Kiev article at that unit.
  await drill.getByRole('button', { name: /^Open Kiev \[Ukraine\]/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Adjudicate' })).toBeFocused();
  const unit = page.getByRole('region', { name: /«deux»/ });
  await expect(unit).toContainText('same boundaries, different labels');
  const progress = page.getByRole('status', { name: 'Adjudication progress' });
  await expect(progress).toContainText('4 of 4 disagreements left');
  await page.screenshot({ path: 'tests/screenshots/lead-adjudicate.png' });

  // By keyboard: A accepts the agreed spans of this document (Kiev, Ukraine as ACTOR, missiles).
  await page.keyboard.press('a');
  await expect(progress).toContainText('4 of 4 disagreements left');
  // 1 takes alice's COUNT for "deux", then the desk moves on to the next disagreement (the second document's "missiles").
  await page.keyboard.press('1');
  await expect(progress).toContainText('3 of 4 disagreements left');
  await expect(page.getByRole('region', { name: /«missiles»/ })).toBeVisible();
  // K goes back across the document boundary to la Russie / Russie; 2, pressed at once, while
  // that document's gold set is still loading, takes bob's "Russie" as soon as it is loaded.
  await page.keyboard.press('k');
  await page.keyboard.press('2');
  await expect(progress).toContainText('2 of 4 disagreements left');
  // Resolved units are skipped: the desk went on to "missiles" again, and K now reaches "Ukraine".
  await expect(page.getByRole('region', { name: /«missiles»/ })).toBeVisible();
  await page.keyboard.press('k');
  await expect(page.getByRole('region', { name: /«Ukraine»/ })).toContainText('not everyone made a span here');
  // X drops it (no gold span), Ctrl+Z takes the drop back, 1 takes alice's LOCATION instead.
  await page.keyboard.press('x');
  await expect(progress).toContainText('1 of 4 disagreements left');
  await page.keyboard.press('Control+z');
  await expect(progress).toContainText('2 of 4 disagreements left');
  await expect(page.getByRole('region', { name: /«Ukraine»/ })).toBeVisible();
  await page.keyboard.press('1');
  await expect(progress).toContainText('1 of 4 disagreements left');
  // The desk moved on to the last one, in the other document; P goes back to the Kiev article.
  await expect(page.getByRole('region', { name: /«missiles»/ })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { level: 2, name: /Kiev \[Ukraine\]/ })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: 'Gold status' })).toHaveText('gold: Done');
  await page.screenshot({ path: 'tests/screenshots/lead-adjudicate-done.png' });

  // Shift+A accepts the agreed spans of the other document too (written there, not on screen); undo takes them back, redo again.
  await expect(progress).toContainText('5 agreed unit(s) not yet in gold');
  await page.keyboard.press('Shift+A');
  await expect(progress).toContainText('0 agreed unit(s) not yet in gold');
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Accepted 5 agreed span(s) into gold in 1 document(s); all stored.');
  await page.keyboard.press('Control+z');
  await expect(progress).toContainText('5 agreed unit(s) not yet in gold');
  await page.keyboard.press('Control+Shift+Z');
  await expect(progress).toContainText('0 agreed unit(s) not yet in gold');

  // Export gold: the Kiev article's six spans, each with where it came from; the other document's
  // five accepted spans, unfinished (its gold is not marked done).
  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
  await exportDialog.getByLabel('Annotator').selectOption('gold');
  await exportDialog.getByRole('radio', { name: /All documents/ }).check();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  type GoldRecord = { text: string; _annotator_id: string; _status: string; spans: { start: number; end: number; label: string; text: string; origin?: { resolution: string; annotators: string[] } }[] };
  const all = (await readFile((await download.path())!, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as GoldRecord);
  const records = all.filter((r) => r.spans.length > 0);
  expect(records.map((r) => [r._annotator_id, r._status, r.spans.length])).toEqual([
    ['gold', 'done', 6],
    ['gold', 'in_progress', 5],
  ]);
  expect(records[1]!.spans.map((s) => [s.text, s.label, s.origin?.resolution])).toEqual([
    ['Russie', 'ACTOR', 'agreed'],
    ['539', 'COUNT', 'agreed'],
    ['drones', 'WEAPON', 'agreed'],
    ['11', 'COUNT', 'agreed'],
    ['Ukraine', 'LOCATION', 'agreed'],
  ]);
  expect(records[0]!.spans.map((s) => [s.text, s.label, s.origin?.resolution, s.origin?.annotators])).toEqual([
    ['Kiev', 'LOCATION', 'agreed', ['alice', 'bob']],
    ['Ukraine', 'LOCATION', 'chosen', ['alice']],
    ['Russie', 'ACTOR', 'chosen', ['bob']],
    ['Ukraine', 'ACTOR', 'agreed', ['alice', 'bob']],
    ['deux', 'COUNT', 'chosen', ['alice']],
    ['missiles', 'WEAPON', 'agreed', ['alice', 'bob']],
  ]);
  const kiev = records[0]!;
  for (const s of kiev.spans) expect([...kiev.text].slice(s.start, s.end).join('')).toBe(s.text);
});
