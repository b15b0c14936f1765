/** The export dialog's formats: Spanlight JSONL tokens only when asked, WebAnno TSV for INCEpTION, predictions said to be written as labels. */
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { startAs } from './helpers';

async function importFile(page: Page, name: string, content: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from(content) }]);
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('Imported');
}

/** Opens the export dialog on every document and every annotator, in `format`. */
async function exportDialog(page: Page, format: string) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: /All documents/ }).check();
  await dialog.getByLabel('Annotator').selectOption('*');
  await dialog.getByLabel('Format').selectOption(format);
  return dialog;
}

async function download(page: Page, dialog: ReturnType<Page['getByRole']>): Promise<Buffer> {
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  return readFile((await (await downloading).path())!);
}

test('Spanlight JSONL writes tokens only when asked; WebAnno TSV goes out one .tsv per document; predictions are said to become labels', async ({ page }) => {
  await startAs(page, 'Gus');
  // A model's predictions (a Label Studio file), so the formats that cannot mark them have something to say.
  await importFile(page, 'predictions.json', JSON.stringify([{ id: 7, data: { text: 'Frappe sur Kharkiv ce matin' }, predictions: [{ model_version: 'crf', result: [{ from_name: 'label', to_name: 'text', type: 'labels', value: { start: 11, end: 18, text: 'Kharkiv', labels: ['LOCATION'] } }] }] }]));

  let dialog = await exportDialog(page, 'spanlight');
  const tokens = dialog.getByLabel(/Write every document's tokens/);
  await expect(tokens).not.toBeChecked();
  await page.screenshot({ path: 'tests/screenshots/export-spanlight-tokens.png' });
  let records = strFromU8(new Uint8Array(await download(page, dialog))).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(records.length).toBeGreaterThan(0);
  expect(records.every((r) => !('tokens' in r))).toBe(true);
  expect(records.find((r) => r['_annotator_id'] === 'model:crf')).toMatchObject({ spans: [{ text: 'Kharkiv', label: 'LOCATION' }] });
  // Nothing to say: the dialog closes once the file is saved.
  await expect(dialog).toBeHidden();

  dialog = await exportDialog(page, 'spanlight');
  await dialog.getByLabel(/Write every document's tokens/).check();
  records = strFromU8(new Uint8Array(await download(page, dialog))).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(records.every((r) => Array.isArray(r['tokens']))).toBe(true);
  await expect(dialog).toBeHidden();

  dialog = await exportDialog(page, 'webanno');
  await expect(dialog).toContainText('Offsets in UTF-16 code units, as WebAnno TSV 3.3 (INCEpTION) counts them.');
  const zip = unzipSync(new Uint8Array(await download(page, dialog)));
  const tsv = Object.keys(zip).filter((n) => n.endsWith('.tsv'));
  expect(tsv.length).toBeGreaterThan(1);
  const kharkiv = tsv.map((n) => strFromU8(zip[n]!)).find((t) => t.includes('#Text=Frappe sur Kharkiv ce matin'))!;
  expect(kharkiv.startsWith('#FORMAT=WebAnno TSV 3.3\n#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\n\n')).toBe(true);
  expect(kharkiv).toContain('1-3\t11-18\tKharkiv\t*\tLOCATION\t\n');
  await expect(dialog.getByRole('alert')).toContainText('predictions (model:crf) are written as ordinary labels: WebAnno TSV 3.3 (INCEpTION) cannot mark predictions');
  await page.screenshot({ path: 'tests/screenshots/export-webanno.png' });
});
