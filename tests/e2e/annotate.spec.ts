/** The annotator's first complete path: name, open "Kiev [Ukraine]", tag, overlap, relabel, delete, undo, reload, export. */
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { charBox, clickText, documentText, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';
// Paragraph 2 of the seed (index 2: paragraph 1 is the empty line after the first one).
const P2 = "L'attaque de missiles russes sur Kiev dans la nuit a tué deux personnes";

test('annotate the Kiev article end to end and export exact offsets', async ({ page }) => {
  await startAs(page, 'Alice');
  await openDocument(page, KIEV_DOC);
  await page.screenshot({ path: 'tests/screenshots/document-list.png' });

  // Select "Kiev" with the mouse and press the LOCATION key (2).
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  const kiev = documentText(page).locator('mark[data-labels="LOCATION"]', { hasText: 'Kiev' }).first();
  await expect(kiev).toHaveText('Kiev');
  expect(await listedSpans(page)).toEqual(['LOCATION Kiev']);

  // A partial selection snaps outward to the whole token: "kra" inside "Ukraine".
  await mouseSelect(page, 0, 7, 10);
  await page.keyboard.press('2');
  await expect(documentText(page).locator('mark', { hasText: 'Ukraine' })).toHaveText('Ukraine');

  // Keyboard selection: click before "missiles", Shift+Ctrl+Right twice selects "missiles russes" → WEAPON (4).
  const missiles = P2.indexOf('missiles');
  const m = await charBox(page, 2, missiles, missiles + 1);
  await page.mouse.click(m.x1 + 1, m.y1);
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('4');
  // Overlapping span inside it: "russes" as ACTOR (1).
  const russes = P2.indexOf('russes');
  await mouseSelect(page, 2, russes, russes + 'russes'.length);
  await page.keyboard.press('1');
  const overlap = documentText(page).locator('mark[data-labels="WEAPON ACTOR"]');
  await expect(overlap).toHaveText('russes');
  await expect(documentText(page).locator('mark[data-labels="WEAPON"]')).toHaveText('missiles ');
  expect(await listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine', 'WEAPON missiles russes', 'ACTOR russes']);
  await page.screenshot({ path: 'tests/screenshots/annotate.png' });

  // Relabel: click the "Kiev" highlight, press ACTOR (1).
  await clickText(page, 0, 1, 3);
  await expect(page.getByRole('status', { name: 'Selected span' })).toContainText('LOCATION');
  await page.keyboard.press('1');
  await expect(documentText(page).locator('mark[data-labels="ACTOR"]').first()).toHaveText('Kiev');

  // Delete it, then undo the delete.
  await clickText(page, 0, 1, 3);
  await page.keyboard.press('Delete');
  await expect(documentText(page).locator('mark', { hasText: 'Kiev' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(documentText(page).locator('mark[data-labels="ACTOR"]').first()).toHaveText('Kiev');
  // Undo the relabel too, then redo it.
  await page.keyboard.press('Control+z');
  await expect(documentText(page).locator('mark[data-labels="LOCATION"]').first()).toHaveText('Kiev');
  await page.keyboard.press('Control+Shift+z');
  await expect(documentText(page).locator('mark[data-labels="ACTOR"]').first()).toHaveText('Kiev');

  // Everything survives a reload once the app says it is saved.
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.reload();
  await openDocument(page, KIEV_DOC);
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR Kiev', 'LOCATION Ukraine', 'WEAPON missiles russes', 'ACTOR russes']);

  // Export offers done documents by default, and none is done yet: the dialog says so, nothing is written.
  await page.getByRole('button', { name: 'Export…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog.getByRole('radio', { name: 'Done only (0 of 5)' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('No document is marked done by Alice yet');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Ctrl+Enter marks the article done and moves on to the next document.
  await documentText(page).click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/^Kiev/);

  // Export: every span's code point offsets slice the text to its `text`.
  await page.getByRole('button', { name: 'Export…' }).click();
  dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog.getByRole('radio', { name: 'Done only (1 of 5)' })).toBeChecked();
  const downloadingDone = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const doneRecords = (await readFile((await (await downloadingDone).path())!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { text: string; answer: string });
  expect(doneRecords.map((r) => [r.text.slice(0, 14), r.answer])).toEqual([['Kiev [Ukraine]', 'accept']]);

  // All documents: the unfinished ones go out too, but never as accepted (finished) annotations.
  await page.getByRole('button', { name: 'Export…' }).click();
  dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: 'All documents, unfinished ones included' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const content = await readFile((await download.path())!, 'utf8');
  const records = content.trim().split('\n').map((line) => JSON.parse(line) as { text: string; spans: { start: number; end: number; label: string; text: string }[]; _annotator_id: string; answer: string });
  expect(records).toHaveLength(5);
  const kievRecord = records.find((r) => r.text.startsWith('Kiev [Ukraine]'))!;
  expect(kievRecord._annotator_id).toBe('Alice');
  expect(kievRecord.answer).toBe('accept');
  expect(records.filter((r) => r !== kievRecord).map((r) => r.answer)).toEqual(['ignore', 'ignore', 'ignore', 'ignore']);
  expect(kievRecord.spans.map((s) => [s.start, s.end, s.label, s.text])).toEqual([
    [0, 4, 'ACTOR', 'Kiev'],
    [6, 13, 'LOCATION', 'Ukraine'],
    expect.arrayContaining(['WEAPON', 'missiles russes']),
    expect.arrayContaining(['ACTOR', 'russes']),
  ]);
  for (const record of records) {
    const codePoints = [...record.text];
    for (const span of record.spans) expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
  }
});

test('a label button tags the selection; Alt keeps the exact characters', async ({ page }) => {
  await startAs(page, 'Alice');
  await openDocument(page, KIEV_DOC);
  // "Kie" of "Kiev" with Alt held: the span stays "Kie".
  await mouseSelect(page, 0, 0, 3);
  await page.keyboard.press('Alt+2');
  await expect(documentText(page).locator('mark[data-labels="LOCATION"]')).toHaveText('Kie');
  // "kra" of "Ukraine", then a click on the COUNT button (no key): snapped to "Ukraine".
  await mouseSelect(page, 0, 7, 10);
  await page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: /COUNT/ }).click();
  await expect(documentText(page).locator('mark[data-labels="COUNT"]')).toHaveText('Ukraine');
  expect(await listedSpans(page)).toEqual(['LOCATION Kie', 'COUNT Ukraine']);
  // With a span selected, clicking another label relabels it.
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: 'COUNT Ukraine' }).click();
  await page.getByRole('toolbar', { name: 'Labels' }).getByRole('button', { name: /LOCATION/ }).click();
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kie', 'LOCATION Ukraine']);
});

test('a message or a span selection does not move the text under the mouse', async ({ page }) => {
  await startAs(page, 'Gus');
  await openDocument(page, KIEV_DOC);
  const before = await charBox(page, 0, 0, 4);
  // A message (P on the first document) floats over the window.
  await page.keyboard.press('p');
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('This is the first document.');
  expect(await charBox(page, 0, 0, 4)).toEqual(before);
  await page.screenshot({ path: 'tests/screenshots/message.png' });
  // A label key with nothing selected starts label-first mode: its banner takes the line that is always there.
  await page.keyboard.press('2');
  await expect(page.getByRole('status', { name: 'Label-first mode' })).toContainText('Tagging with LOCATION');
  expect(await charBox(page, 0, 0, 4)).toEqual(before);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status', { name: 'Label-first mode' })).toHaveText('');
  expect(await charBox(page, 0, 0, 4)).toEqual(before);
  // The word under the message's old place is still where the mouse expects it: tagging it works.
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  const tagged = await charBox(page, 0, 0, 4);
  await clickText(page, 0, 1, 3);
  await expect(page.getByRole('status', { name: 'Selected span' })).toContainText('LOCATION “Kiev”');
  expect(await charBox(page, 0, 0, 4)).toEqual(tagged);
});
