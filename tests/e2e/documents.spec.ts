/** The document list and import: status, flag with note, filter, search, rename, importing good and bad files. */
import { expect, test, type Page } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';

async function importFiles(page: Page, files: { name: string; content: string | Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.content) })));
}

const docList = (page: Page) => page.getByRole('navigation', { name: 'Documents' });

test('statuses, flag note, filter and search in the document list', async ({ page }) => {
  await startAs(page, 'Bea');
  await expect(docList(page).getByRole('listitem')).toHaveCount(5);
  await expect(docList(page)).toContainText('0 / 5 done');

  await openDocument(page, 'Kiev [Ukraine]');
  await page.keyboard.press('Control+Enter');
  await expect(docList(page)).toContainText('1 / 5 done');
  // Ctrl+Enter moved on to the next document.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('La Russie a lancé 539 drones');

  await page.getByRole('button', { name: 'Flag…' }).click();
  await page.getByLabel('Flag note').fill('Is a drone a WEAPON or an ACTOR?');
  await page.getByRole('button', { name: 'Flag document' }).click();
  await expect(page.getByText('Flagged: Is a drone a WEAPON or an ACTOR?')).toBeVisible();

  await docList(page).getByLabel('Filter by status').selectOption('flagged');
  await expect(docList(page).getByRole('listitem')).toHaveCount(1);
  await expect(docList(page).getByRole('listitem')).toContainText('539 drones');
  await docList(page).getByLabel('Filter by status').selectOption('done');
  await expect(docList(page).getByRole('listitem')).toHaveCount(1);
  await expect(docList(page).getByRole('listitem')).toContainText('Kiev [Ukraine]');
  await docList(page).getByLabel('Filter by status').selectOption('all');

  await docList(page).getByLabel('Search in text').fill('Kazakhstan');
  await expect(docList(page).getByRole('listitem')).toHaveCount(1);
  await expect(docList(page).getByRole('listitem')).toContainText('Kazakhstan');

  await page.reload();
  await expect(docList(page)).toContainText('1 / 5 done');
});

test('renaming the annotator keeps their spans', async ({ page }) => {
  await startAs(page, 'Bea');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await page.getByRole('button', { name: /Annotator: Bea/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Change your name' });
  await dialog.getByLabel('Your name').fill('Béatrice');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: /Annotator: Béatrice/ })).toBeVisible();
  await page.reload();
  await openDocument(page, 'Kiev [Ukraine]');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
});

test('imports text and JSONL, skips duplicates, and rejects bad files whole with file and line', async ({ page }) => {
  await startAs(page, 'Cy');
  await importFiles(page, [
    { name: 'odessa.txt', content: 'Odessa [Ukraine], des drones ont frappé le port.\r\n' },
    { name: 'batch.jsonl', content: '{"text": "Kharkiv sous les bombes", "meta": {"url": "https://example.org/1"}}\n{"text": "Lviv touchée"}\n' },
  ]);
  await expect(page.getByRole('status')).toContainText('Imported 3 new documents');
  await expect(docList(page).getByRole('listitem')).toHaveCount(8);

  await importFiles(page, [{ name: 'again.txt', content: 'Odessa [Ukraine], des drones ont frappé le port.\r\n' }]);
  await expect(page.getByRole('status')).toContainText('Imported 0 new documents; 1 already present');

  await importFiles(page, [
    { name: 'broken.jsonl', content: '{"text": "Marioupol"}\n{"text": oops}\n' },
    { name: 'latin1.txt', content: Buffer.from([0x4b, 0x69, 0x65, 0x76, 0x20, 0xe9, 0x74, 0xe9]) },
    { name: 'empty.txt', content: '  \n' },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken.jsonl:2');
  await expect(alert).toContainText('latin1.txt');
  await expect(alert).toContainText(/UTF-8/);
  await expect(alert).toContainText('empty.txt');
  // Nothing from the bad files was stored, not even the good first line of broken.jsonl.
  await expect(docList(page).getByRole('listitem')).toHaveCount(8);
  await docList(page).getByLabel('Search in text').fill('Marioupol');
  await expect(docList(page).getByText('No document matches this filter.')).toBeVisible();
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
  await expect(page.getByRole('status')).toContainText('Imported 1 new document');
  await expect(docList(page).getByRole('button', { name: /Marioupol assiégée/ })).toBeVisible();
});

test('the guidelines open beside the text', async ({ page }) => {
  await startAs(page, 'Eve');
  await openDocument(page, 'Kiev [Ukraine]');
  await page.getByRole('button', { name: 'Guidelines' }).click();
  const guidelines = page.getByRole('complementary', { name: 'Guidelines' });
  await expect(guidelines.getByRole('heading', { name: 'COUNT (3) and WEAPON (4)' })).toBeVisible();
  await expect(page.getByRole('document', { name: 'Document text' })).toBeVisible();
  await page.screenshot({ path: 'tests/screenshots/guidelines.png' });
  await guidelines.getByRole('button', { name: 'Close guidelines' }).click();
  await expect(guidelines).toHaveCount(0);
});
