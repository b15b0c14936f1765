/** A long document opens at once and the rest of it arrives in order: highlights far down land on the right characters and can be tagged. */
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { documentText, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const PARAGRAPHS = 1_500;

test('spans at the end of a 1,500-paragraph document paint on their words and new ones export exactly', async ({ page }) => {
  await startAs(page, 'Lou');
  const lines = Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraphe ${i} : frappes de drones 😀 sur Kharkiv.`);
  const text = `Long rapport\n${lines.join('\n')}`;
  const last = text.lastIndexOf('Kharkiv');
  // Code point offsets (doccano): every line holds one astral emoji before "Kharkiv".
  const cpStart = [...text.slice(0, last)].length;
  const record = { text, label: [[cpStart, cpStart + 7, 'LOCATION']] };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles({ name: 'long.jsonl', mimeType: 'text/plain', buffer: Buffer.from(JSON.stringify(record) + '\n') });
  // doccano names no annotator: Lou says the file's annotations are hers.
  await page.getByRole('dialog', { name: 'Import' }).getByLabel('Annotator for long.jsonl').fill('Lou');
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await openDocument(page, 'Long rapport');

  await expect(documentText(page).locator('p')).toHaveCount(PARAGRAPHS + 1);
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: 'LOCATION Kharkiv' }).click();
  const mark = documentText(page).locator('mark[data-labels="LOCATION"]');
  await expect(mark).toHaveText('Kharkiv');
  await expect(mark).toBeInViewport();

  // Tag "drones" in the last paragraph with the mouse (scrolled to mid-screen, as a person would).
  await documentText(page).locator('p').last().evaluate((p) => p.scrollIntoView({ block: 'center' }));
  const lastLine = lines[PARAGRAPHS - 1]!;
  await mouseSelect(page, PARAGRAPHS, lastLine.indexOf('drones'), lastLine.indexOf('drones') + 6);
  await page.keyboard.press('4');
  await expect.poll(() => listedSpans(page)).toEqual(['WEAPON drones', 'LOCATION Kharkiv']);
  await page.screenshot({ path: 'tests/screenshots/long-document.png' });
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
  await exportDialog.getByRole('radio', { name: 'All documents, unfinished ones included' }).check();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const content = await readFile((await (await downloading).path())!, 'utf8');
  const exported = content.trim().split('\n').map((l) => JSON.parse(l) as { text: string; spans: { start: number; end: number; text: string; label: string }[] }).find((r) => r.text === text)!;
  const codePoints = [...exported.text];
  expect(exported.spans.map((s) => [s.label, codePoints.slice(s.start, s.end).join(''), s.text])).toEqual([
    ['WEAPON', 'drones', 'drones'],
    ['LOCATION', 'Kharkiv', 'Kharkiv'],
  ]);
  expect(exported.spans[1]!.start).toBe(cpStart);
});
