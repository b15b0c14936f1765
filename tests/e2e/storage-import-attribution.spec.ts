/** Fault suite: a colleague's file keeps its author, preview and result agree, and an import is undone as one step. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';

async function importFiles(page: Page, files: { name: string; content: string }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.content) })));
  return page.getByRole('dialog', { name: 'Import' });
}

test("colleagues' files that name no annotator keep their authors, never merged into yours; Undo import removes exactly what it added", async ({ page }) => {
  const kiev = await readFile('seeds/articles/000_94f52200e1e5e551.txt', 'utf8');
  await startAs(page, 'Ann');
  await openDocument(page, KIEV_DOC);
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('1 / 5 done');

  // Two colleagues' doccano files (no annotator inside), one of them twice the same span, plus a new text.
  const doccano = (spans: [number, number, string][], extra = '') => `${JSON.stringify({ text: kiev, label: spans })}\n${extra}`;
  const dialog = await importFiles(page, [
    { name: 'annotator-b.jsonl', content: doccano([[0, 4, 'LOCATION'], [6, 13, 'LOCATION'], [6, 13, 'LOCATION']], `${JSON.stringify({ text: 'Lviv touchée par des drones', label: [[0, 4, 'LOCATION']] })}\n`) },
    { name: 'carol.jsonl', content: doccano([[16, 18, 'ACTOR']]) },
  ]);
  const preview = dialog.getByRole('table', { name: 'Import preview' });
  await expect(dialog.getByLabel('Annotator for annotator-b.jsonl')).toHaveValue('annotator-b');
  await expect(dialog.getByLabel('Annotator for carol.jsonl')).toHaveValue('carol');
  const bRow = preview.getByRole('row').filter({ hasText: 'annotator-b.jsonl' });
  await expect(bRow).toContainText('1 new document; 1 document already stored (same text), not duplicated; 3 spans to add');
  // Imported into Ann's own set instead (typed by hand), the preview says what happens to her Done document.
  await dialog.getByLabel('Annotator for annotator-b.jsonl').fill('Ann');
  await expect(bRow).toContainText('1 document already has spans by Ann, 1 of them done: the new spans go beside them, statuses kept');
  await expect(bRow).toContainText('2 identical spans already there, skipped');
  await dialog.getByLabel('Annotator for annotator-b.jsonl').fill('annotator-b');
  await expect(bRow).toContainText('3 spans to add');
  await expect(bRow).toContainText('1 identical span already there, skipped');
  await expect(dialog).toContainText('1 new document; 4 spans to add; 1 identical span already there, skipped.');
  await page.screenshot({ path: 'tests/screenshots/import-attribution.png' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const messages = page.getByRole('status', { name: 'Messages' });
  await expect(messages).toContainText('Imported 1 new document; 2 already present (same text), not duplicated; 4 span(s) in 3 annotation set(s) of annotator-b, carol; 1 identical span(s) already there, skipped');

  // Ann's Done document is as she left it; the colleagues' annotations are theirs.
  await openDocument(page, KIEV_DOC);
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  await expect(page.getByLabel('Status: Done')).toBeVisible();
  await page.getByLabel('Annotations of').selectOption('annotator-b');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await page.getByLabel('Annotations of').selectOption('carol');
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR Au']);
  await page.getByLabel('Annotations of').selectOption('Ann');

  // Undo import: exactly what it added goes, and it says what it removed.
  await page.getByRole('button', { name: 'Backup & data…' }).click();
  const data = page.getByRole('dialog', { name: 'Backup and restore' });
  await data.getByRole('button', { name: 'Undo import of annotator-b.jsonl, carol.jsonl' }).click();
  await expect(messages).toContainText('Import undone: removed 1 document and 4 spans it added.');
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('listitem')).toHaveCount(5);
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('1 / 5 done');
  await openDocument(page, KIEV_DOC);
  await expect(page.getByLabel('Annotations of')).toHaveCount(0);
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
});
