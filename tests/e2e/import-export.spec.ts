/** Import and export through the dialogs: preview, problems by file and line, other tools' formats, exact offsets. */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { importFiles, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const docList = (page: Page) => page.getByRole('navigation', { name: 'Documents' });

test('imports text and JSONL through the preview, skipping texts already present', async ({ page }) => {
  await startAs(page, 'Cy');
  await importFiles(page, [
    { name: 'odessa.txt', content: 'Odessa [Ukraine], des drones ont frappé le port.\r\n' },
    { name: 'batch.jsonl', content: '{"text": "Kharkiv sous les bombes", "meta": {"url": "https://example.org/1"}}\n{"text": "Lviv touchée"}\n' },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const preview = dialog.getByRole('table', { name: 'Import preview' });
  await expect(preview.getByRole('row', { name: /odessa\.txt Plain text 1 0 0/ })).toBeVisible();
  await expect(preview.getByRole('row', { name: /batch\.jsonl Plain text 2 0 0/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Imported 3 new documents');
  await expect(docList(page).getByRole('listitem')).toHaveCount(8);

  await importFiles(page, [{ name: 'again.txt', content: 'Odessa [Ukraine], des drones ont frappé le port.\r\n' }]);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Imported 0 new documents; 1 already present');
  await expect(docList(page).getByRole('listitem')).toHaveCount(8);
});

test('bad files are reported by file and line, and nothing is stored unless bad records are skipped', async ({ page }) => {
  await startAs(page, 'Cy');
  const bad = [
    { name: 'broken.jsonl', content: '{"text": "Marioupol assiégée"}\n{"text": oops}\n' },
    { name: 'latin1.txt', content: Buffer.from('Kiev \xe9t\xe9 frapp\xe9e', 'latin1') },
    { name: 'empty.txt', content: '  \n' },
  ];
  await importFiles(page, bad);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const problems = dialog.getByRole('alert', { name: 'Import problems' });
  await expect(problems).toContainText('broken.jsonl:2');
  await expect(problems).toContainText(/latin1\.txt.*UTF-8/);
  await expect(problems).toContainText('empty.txt');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expect(dialog).toContainText('Nothing will be imported while 3 problem(s) are errors: fix the file(s), or skip the bad records to import the 1 good document(s)');
  await page.screenshot({ path: 'tests/screenshots/import-problems.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(docList(page).getByRole('listitem')).toHaveCount(5);

  await importFiles(page, bad);
  await dialog.getByLabel('Skip bad records and import the rest').check();
  await dialog.getByLabel('Decode files that are not UTF-8 as Windows-1252').check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Imported 2 new documents');
  await expect(docList(page).getByRole('button', { name: /Marioupol assiégée/ })).toBeVisible();
  await expect(docList(page).getByRole('button', { name: /Kiev été frappée/ })).toBeVisible();
});

test('annotations from doccano land on the right characters and export to Label Studio in UTF-16', async ({ page }) => {
  await startAs(page, 'Cy');
  // 🇺🇦 is two code points (four UTF-16 units): doccano counts code points, so "Kiev" is [3, 7).
  await importFiles(page, [{ name: 'doccano.jsonl', content: '{"text": "🇺🇦 Kiev frappée par 12 drones", "label": [[3, 7, "LOCATION"], [23, 29, "WEAPON"]]}\n' }]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('table', { name: 'Import preview' })).toContainText('doccano JSONL');
  // doccano names no annotator: the file's annotations are Cy's own because Cy says so.
  await dialog.getByLabel('Annotator for doccano.jsonl').fill('Cy');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('2 span(s)');
  await openDocument(page, 'Kiev frappée');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'WEAPON drones']);

  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
  await exportDialog.getByLabel('Format').selectOption('label-studio');
  await expect(exportDialog.getByLabel(/UTF-16 code units/)).toBeChecked();
  await exportDialog.getByLabel('Done only').check();
  await exportDialog.getByLabel('All documents').check();
  await page.screenshot({ path: 'tests/screenshots/export.png' });
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('spanlight-label-studio.json');
  const tasks = JSON.parse(await readFile((await download.path())!, 'utf8')) as { data: { text: string }; annotations: { result: { value: { start: number; end: number; text: string; labels: string[] } }[] }[] }[];
  const task = tasks.find((t) => t.data.text.startsWith('🇺🇦'))!;
  expect(task.annotations[0]!.result.map((r) => [r.value.start, r.value.end, r.value.text, r.value.labels[0]])).toEqual([
    [5, 9, 'Kiev', 'LOCATION'],
    [25, 31, 'drones', 'WEAPON'],
  ]);
});

test('dropping files on the window imports them', async ({ page }) => {
  await startAs(page, 'Dee');
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Marioupol assiégée par les troupes russes.'], 'drop.txt', { type: 'text/plain' }));
    const target = document.querySelector('.app')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Imported 1 new document');
  await expect(docList(page).getByRole('button', { name: /Marioupol assiégée/ })).toBeVisible();
});


test('an import while a document is open adds to it; several annotators export to brat as one zip with a pair per annotator', async ({ page }) => {
  const kiev = await readFile('seeds/articles/000_94f52200e1e5e551.txt', 'utf8');
  await startAs(page, 'Ida');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');

  // doccano carries no annotator: chosen as Ida's, "Ukraine" [6, 13) joins her own set, beside the span she just made.
  const doccano = `${JSON.stringify({ text: kiev, label: [[6, 13, 'LOCATION']] })}\n`;
  await importFiles(page, [{ name: 'ukraine.jsonl', content: doccano }]);
  await page.getByRole('dialog', { name: 'Import' }).getByLabel('Annotator for ukraine.jsonl').fill('Ida');
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  // The next edit adds to what is stored, rather than writing back the set as it was before the import.
  await mouseSelect(page, 0, 16, 18);
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.reload();
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine', 'ACTOR Au']);

  // The same file as the lead's gold annotations.
  await importFiles(page, [{ name: 'ukraine.jsonl', content: doccano }]);
  let dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Annotator for ukraine.jsonl').fill('gold');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('1 span(s)');

  await page.getByRole('button', { name: 'Export…' }).click();
  dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByLabel('Format').selectOption('brat');
  await dialog.getByLabel('Annotator').selectOption('*');
  await dialog.getByRole('radio', { name: /All documents/ }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('spanlight-brat.zip');
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  const names = Object.keys(files);
  expect(names.filter((n) => n.endsWith('.gold.ann'))).toHaveLength(1);
  expect(names.filter((n) => n.endsWith('.Ida.ann'))).toHaveLength(5);
  const idaAnn = names.find((n) => n.endsWith('.Ida.ann') && strFromU8(files[n.replace(/\.ann$/, '.txt')]!) === kiev)!;
  const text = [...strFromU8(files[idaAnn.replace(/\.ann$/, '.txt')]!)];
  const spans = strFromU8(files[idaAnn]!).trim().split('\n').map((line) => {
    const [, type, covered] = line.split('\t') as [string, string, string];
    const [label, start, end] = type.split(' ') as [string, string, string];
    return [label, text.slice(Number(start), Number(end)).join(''), covered];
  });
  expect(spans).toEqual([
    ['LOCATION', 'Kiev', 'Kiev'],
    ['LOCATION', 'Ukraine', 'Ukraine'],
    ['ACTOR', 'Au', 'Au'],
  ]);
});

test("a lead sees imported gold annotations beside the text, read-only, and goes back to their own", async ({ page }) => {
  const kiev = await readFile('seeds/articles/000_94f52200e1e5e551.txt', 'utf8');
  await startAs(page, 'Lea');
  await importFiles(page, [{ name: 'gold.jsonl', content: `${JSON.stringify({ text: kiev, label: [[0, 4, 'LOCATION'], [6, 13, 'LOCATION']] })}\n` }]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Annotator for gold.jsonl').fill('gold');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  await openDocument(page, 'Kiev [Ukraine]');
  await expect.poll(() => listedSpans(page)).toEqual([]);
  await page.getByLabel('Annotations of').selectOption('gold');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await expect(page.getByRole('button', { name: 'Mark done' })).toBeDisabled();
  await mouseSelect(page, 0, 16, 18);
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText("gold's annotations, shown read-only");
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await page.screenshot({ path: 'tests/screenshots/gold-read-only.png' });

  await page.getByLabel('Annotations of').selectOption('Lea');
  await expect.poll(() => listedSpans(page)).toEqual([]);
  await mouseSelect(page, 0, 16, 18);
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR Au']);

  // Undo in gold's read-only view changes neither gold's set nor Lea's.
  await page.getByLabel('Annotations of').selectOption('gold');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText("gold's annotations, shown read-only");
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await page.getByLabel('Annotations of').selectOption('Lea');
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR Au']);
});

test('brat export counts code points with no unit to choose; dropped spans are named by their text and document; formats that cannot mark unfinished work say so', async ({ page }) => {
  await startAs(page, 'Flo');
  // 🇺🇦 is two code points: "Kiev" is [3, 7) in code points, [5, 9) in UTF-16. CoNLL cannot hold both labels on "Kiev".
  await importFiles(page, [{ name: 'flag.jsonl', content: '{"text": "🇺🇦 Kiev frappée par 12 drones", "label": [[3, 7, "LOCATION"], [3, 7, "ACTOR"]]}\n' }]);
  await page.getByRole('dialog', { name: 'Import' }).getByLabel('Annotator for flag.jsonl').fill('Flo');
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('2 span(s)');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: /All documents/ }).check();
  await expect(dialog.getByRole('note')).toHaveCount(0);
  await dialog.getByLabel('Format').selectOption('label-studio');
  await expect(dialog.getByRole('note')).toContainText('cannot mark a document unfinished');
  await dialog.getByLabel('Format').selectOption('brat');
  await expect(dialog.getByRole('radio', { name: /UTF-16/ })).toHaveCount(0);
  await expect(dialog).toContainText('Offsets in Unicode code points, as brat standoff counts them.');
  let downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const files = unzipSync(new Uint8Array(await readFile((await (await downloading).path())!)));
  const flagAnn = Object.keys(files).find((n) => n.endsWith('.ann') && strFromU8(files[n.replace(/\.ann$/, '.txt')]!).startsWith('🇺🇦'))!;
  expect(strFromU8(files[flagAnn]!).split('\n').filter((l) => l.startsWith('T')).map((l) => l.split('\t')[1])).toEqual(['ACTOR 3 7', 'LOCATION 3 7']);

  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /All documents/ }).check();
  await dialog.getByLabel('Format').selectOption('conll');
  downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await downloading;
  await expect(dialog.getByRole('alert')).toContainText('“Kiev” at 3-7 (code points) in “🇺🇦 Kiev frappée par 12 drones” (Flo): dropped');
  await page.screenshot({ path: 'tests/screenshots/export-dropped.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Hugging Face rows: one per document, or one per sentence as the conll2003 dataset has them.
  const hfRows = async (rows: RegExp) => {
    await page.getByRole('button', { name: 'Export…' }).click();
    await dialog.getByRole('radio', { name: /All documents/ }).check();
    await dialog.getByLabel('Format').selectOption('huggingface');
    await dialog.getByRole('radio', { name: rows }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const zip = unzipSync(new Uint8Array(await readFile((await (await download).path())!)));
    // The overlapping spans on "Kiev" cannot both be token tags: the dialog stays open with the list.
    await expect(dialog.getByRole('alert')).toContainText('dropped');
    await dialog.getByRole('button', { name: 'Close' }).click();
    return strFromU8(zip['spanlight-huggingface.jsonl']!).trim().split('\n').length;
  };
  expect(await hfRows(/One per document/)).toBe(6);
  expect(await hfRows(/One per sentence/)).toBeGreaterThan(20);
});
