/** The document list: status, flag with note, filter, search, rename, guidelines. */
import { expect, test, type Page } from '@playwright/test';
import { listedSpans, mouseSelect, openDocument, startAs } from './helpers';

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
  // A flag needs its note: the button waits for one.
  await expect(page.getByRole('button', { name: 'Flag document' })).toBeDisabled();
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
  // Search ignores case and accents: "sebastopol" finds "Sébastopol".
  await docList(page).getByLabel('Search in text').fill('sebastopol');
  await expect(docList(page).getByRole('listitem')).toHaveCount(1);
  await expect(docList(page).getByRole('listitem')).toContainText('Kiev [Ukraine]');
  await docList(page).getByLabel('Search in text').fill('');

  // Marking the flagged document done drops its flag note.
  await openDocument(page, 'La Russie a lancé 539 drones');
  await page.getByRole('button', { name: 'Mark done' }).click();
  await docList(page).getByLabel('Filter by status').selectOption('done');
  await expect(docList(page).getByRole('listitem')).toHaveCount(2);
  await openDocument(page, 'La Russie a lancé 539 drones');
  await expect(page.getByText(/Flagged:/)).toHaveCount(0);
  await expect(docList(page).getByRole('button', { name: /539 drones/ })).toHaveAttribute('title', /^La Russie a lancé 539 drones/);
  await docList(page).getByLabel('Filter by status').selectOption('all');

  await page.reload();
  await expect(docList(page)).toContainText('2 / 5 done');
});

test('renaming the annotator keeps their spans', async ({ page }) => {
  await startAs(page, 'Bea');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await page.getByRole('button', { name: /Annotator: Bea/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotator' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Béatrice');
  await dialog.getByLabel(/A correction of my name/).check();
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('button', { name: /Annotator: Béatrice/ })).toBeVisible();
  await page.reload();
  await openDocument(page, 'Kiev [Ukraine]');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
});

test('another person on the same machine annotates in their own set; the first one\'s spans stay theirs', async ({ page }) => {
  await startAs(page, 'alice');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  await expect(docList(page).getByRole('listitem').first()).toContainText(/1 span$/);

  await page.getByRole('button', { name: /Annotator: alice/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotator' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('bob');
  // Another person is the default: nobody's work moves unless asked.
  await expect(dialog.getByLabel(/Another person/)).toBeChecked();
  await page.screenshot({ path: 'tests/screenshots/annotator-dialog.png' });
  await dialog.getByRole('button', { name: 'Annotate as this person' }).click();
  await expect(page.getByRole('button', { name: /Annotator: bob/ })).toBeVisible();
  // bob's own set has loaded: empty.
  await expect(page.getByRole('status', { name: 'Selected span' })).toHaveText('No span selected: click a highlight to select it.');
  await expect(page.getByRole('region', { name: 'Spans' })).toContainText('No spans yet');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR Kiev']);

  // alice's set is still hers, read-only from bob's seat.
  await page.getByLabel('Annotations of').selectOption('alice');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);

  // Back to alice after a reload: her span, not bob's.
  await page.reload();
  await page.getByRole('button', { name: /Annotator: bob/ }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('alice');
  await dialog.getByRole('button', { name: 'Annotate as this person' }).click();
  await openDocument(page, 'Kiev [Ukraine]');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
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
