/** Projects: create one from a folder of texts, switch between projects, edit the schema (rename a label everywhere, delete one in use, add an imported one). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { clickText, importFiles, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const docList = (page: Page) => page.getByRole('navigation', { name: 'Documents' });
const labelBar = (page: Page) => page.getByRole('toolbar', { name: 'Labels' });
const messages = (page: Page) => page.getByRole('status', { name: 'Messages' });
const projectMenu = (page: Page, name: string) => page.getByRole('button', { name: `Project: ${name}` });

async function openMenuItem(page: Page, project: string, item: string) {
  await projectMenu(page, project).click();
  await page.getByRole('menu', { name: `Project: ${project}` }).getByRole('menuitem', { name: item }).click();
}

test('a new project from a folder of texts, with its own labels and guidelines; switching keeps each project’s work', async ({ page }) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'spanlight-texts-'));
  const texts = path.join(folder, 'incidents');
  mkdirSync(texts);
  writeFileSync(path.join(texts, 'a.txt'), 'Le logiciel Sandworm a frappé Kiev.\n');
  writeFileSync(path.join(texts, 'b.txt'), 'Une attaque par rançongiciel à Lyon.\n');

  await startAs(page, 'Ines');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');

  await openMenuItem(page, 'French war reporting', 'New project…');
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Project name').fill('Cyber incidents');
  // It starts with the open project's labels: keep two, rename one, add one with the next key and a palette colour.
  await dialog.getByRole('button', { name: 'Remove COUNT' }).click();
  await dialog.getByRole('button', { name: 'Remove WEAPON' }).click();
  await dialog.getByLabel('Name of label 1').fill('ATTACKER');
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await expect(dialog.getByLabel('Name of label 3')).toBeFocused();
  await page.keyboard.type('MALWARE');
  await expect(dialog.getByLabel('Key of MALWARE')).toHaveValue('3');
  await dialog.getByLabel('Colour of MALWARE').selectOption({ label: 'vermillion' });
  await dialog.getByLabel('Description of MALWARE').fill('The program used');
  // A key the workbench uses, and a key taken twice, are refused with the reason.
  await dialog.getByLabel('Key of MALWARE').fill('n');
  await expect(dialog.getByRole('list', { name: 'Problems' })).toContainText('MALWARE: the key “n” is taken by the workbench');
  await expect(dialog.getByRole('button', { name: 'Create project' })).toBeDisabled();
  await dialog.getByLabel('Key of MALWARE').fill('1');
  await expect(dialog.getByRole('list', { name: 'Problems' })).toContainText('ATTACKER and MALWARE have the same key “1”');
  await dialog.getByLabel('Key of MALWARE').fill('3');
  await expect(dialog.getByRole('list', { name: 'Problems' })).toHaveCount(0);
  // Guidelines in Markdown with a live preview.
  await dialog.getByLabel('Guidelines (Markdown)').fill('# Cyber\n\nTag **MALWARE** by its name.');
  const preview = dialog.getByRole('region', { name: 'Guidelines preview' });
  await expect(preview.getByRole('heading', { name: 'Cyber' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('MALWARE');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  await (await chooser).setFiles(texts);
  await expect(dialog.getByRole('status', { name: 'Chosen documents' })).toHaveText('2 files chosen');
  for (const [w, h] of [[1280, 800], [1920, 1080], [720, 480]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `tests/screenshots/project-new-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  await dialog.getByRole('button', { name: 'Create project' }).click();

  // The new project opens, with the chosen texts in its import preview.
  const importDialog = page.getByRole('dialog', { name: 'Import' });
  await expect(importDialog).toContainText('2 document(s)');
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog).toBeHidden();
  await expect(projectMenu(page, 'Cyber incidents')).toBeVisible();
  await expect(docList(page).getByRole('listitem')).toHaveCount(2);
  await expect(labelBar(page).getByRole('button')).toHaveText(['ATTACKER1', 'LOCATION2', 'MALWARE3']);
  await openDocument(page, 'Le logiciel Sandworm');
  await mouseSelect(page, 0, 12, 20);
  await page.keyboard.press('3');
  await expect.poll(() => listedSpans(page)).toEqual(['MALWARE Sandworm']);
  await page.getByRole('button', { name: 'Guidelines' }).click();
  await expect(page.getByRole('complementary', { name: 'Guidelines' }).getByRole('heading', { name: 'Cyber' })).toBeVisible();

  // Back to the first project: its documents and Ines's span, its labels.
  await openMenuItem(page, 'Cyber incidents', 'Open French war reporting');
  await expect(projectMenu(page, 'French war reporting')).toBeVisible();
  await expect(docList(page).getByRole('listitem')).toHaveCount(5);
  await expect(labelBar(page).getByRole('button')).toHaveText(['ACTOR1', 'LOCATION2', 'COUNT3', 'WEAPON4']);
  await openDocument(page, 'Kiev [Ukraine]');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);

  // A reload opens the project opened last; the other is one switch away, as it was left.
  await openMenuItem(page, 'French war reporting', 'Open Cyber incidents');
  await page.reload();
  await expect(projectMenu(page, 'Cyber incidents')).toBeVisible();
  await openDocument(page, 'Le logiciel Sandworm');
  await expect.poll(() => listedSpans(page)).toEqual(['MALWARE Sandworm']);
  rmSync(folder, { recursive: true, force: true });
});

test('renaming a label renames it everywhere it is used — every annotator, gold, the undo history — after the counts are shown', async ({ page }) => {
  await startAs(page, 'Ines');
  const kiev = await readFile('seeds/articles/000_94f52200e1e5e551.txt', 'utf8');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await mouseSelect(page, 0, 6, 13);
  await page.keyboard.press('2');
  await mouseSelect(page, 0, 19, 25);
  await page.keyboard.press('2');
  await clickText(page, 0, 19, 25);
  await page.keyboard.press('Delete');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await importFiles(page, [
    { name: 'bob.jsonl', content: `${JSON.stringify({ text: kiev, spans: [{ start: 0, end: 4, label: 'LOCATION', text: 'Kiev' }], _annotator_id: 'bob', answer: 'accept' })}\n` },
    { name: 'gold.jsonl', content: `${JSON.stringify({ text: kiev, spans: [{ start: 0, end: 4, label: 'LOCATION', text: 'Kiev' }, { start: 6, end: 13, label: 'LOCATION', text: 'Ukraine' }], _annotator_id: 'gold', answer: 'accept' })}\n` },
  ]);
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();

  await openMenuItem(page, 'French war reporting', 'Project settings…');
  const settings = page.getByRole('dialog', { name: 'Project settings' });
  await settings.getByRole('listitem').filter({ hasText: 'LOCATION' }).getByRole('button', { name: 'Rename…' }).click();
  const rename = settings.getByRole('region', { name: 'Rename LOCATION' });
  await expect(rename.getByRole('status')).toHaveText('LOCATION is used by 5 spans in 1 document (bob 1, gold 2, Ines 2), gold and models included.');
  await rename.getByLabel('New name').fill('ACTOR');
  await expect(rename).toContainText('There is already a label “ACTOR”.');
  await rename.getByLabel('New name').fill('PLACE');
  for (const [w, h] of [[1280, 800], [1920, 1080], [720, 480]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await rename.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/screenshots/project-rename-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
  await rename.getByRole('button', { name: 'Rename to PLACE' }).click();
  await expect(messages(page)).toContainText('Renamed LOCATION to PLACE: 5 spans in 1 document (bob 1, gold 2, Ines 2) now say PLACE.');
  await settings.getByRole('button', { name: 'Close' }).click();

  await expect(labelBar(page).getByRole('button')).toHaveText(['ACTOR1', 'PLACE2', 'COUNT3', 'WEAPON4']);
  await expect.poll(() => listedSpans(page)).toEqual(['PLACE Kiev', 'PLACE Ukraine']);
  // The undo history was rewritten too: undoing the delete brings the span back under its new name.
  await page.getByRole('document', { name: 'Document text' }).focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => listedSpans(page)).toEqual(['PLACE Kiev', 'PLACE Ukraine', 'PLACE milieu']);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.reload();
  await openDocument(page, 'Kiev [Ukraine]');
  await expect.poll(() => listedSpans(page)).toEqual(['PLACE Kiev', 'PLACE Ukraine', 'PLACE milieu']);
  await page.getByLabel('Annotations of').selectOption('gold');
  await expect.poll(() => listedSpans(page)).toEqual(['PLACE Kiev', 'PLACE Ukraine']);

  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
  await exportDialog.getByLabel('Annotator').selectOption('*');
  await exportDialog.getByRole('radio', { name: /All documents/ }).check();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const exported = await readFile((await (await downloading).path())!, 'utf8');
  expect(exported).not.toContain('LOCATION');
  expect(exported.match(/"label":"PLACE"/g)).toHaveLength(6);
});

test('a label in use is deleted only with its spans relabelled or removed; labels an import brought are added to the schema', async ({ page }) => {
  await startAs(page, 'Ines');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('4');
  await importFiles(page, [{ name: 'bob.jsonl', content: `${JSON.stringify({ text: 'Marie Curie à Varsovie', spans: [{ start: 0, end: 11, label: 'PER', text: 'Marie Curie' }], _annotator_id: 'bob' })}\n` }]);
  const importDialog = page.getByRole('dialog', { name: 'Import' });
  await expect(importDialog).toContainText("Labels not in this project's schema (kept, shown in grey): PER (1).");
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();

  await openMenuItem(page, 'French war reporting', 'Project settings…');
  const settings = page.getByRole('dialog', { name: 'Project settings' });
  const unknown = settings.getByRole('region', { name: 'Labels in use that are not in the schema' });
  await expect(unknown).toContainText('PER 1 span');
  await unknown.getByRole('button', { name: 'Add PER to the labels' }).click();
  await expect(unknown).toHaveCount(0);
  await expect(settings.getByLabel('Key of PER')).toHaveValue('5');

  // WEAPON is used: deleting it needs a choice for its span, and says how many there are.
  await settings.getByRole('listitem').filter({ hasText: 'WEAPON' }).getByRole('button', { name: 'Delete…' }).click();
  const del = settings.getByRole('region', { name: 'Delete WEAPON' });
  await expect(del.getByRole('status')).toHaveText('WEAPON is used by 1 span in 1 document (Ines 1), gold and models included.');
  await expect(del.getByRole('button', { name: 'Delete WEAPON' })).toBeDisabled();
  await page.screenshot({ path: 'tests/screenshots/project-delete-in-use.png' });
  await del.getByLabel('Label to relabel them to').selectOption('ACTOR');
  await del.getByRole('button', { name: 'Delete WEAPON' }).click();
  await expect(messages(page)).toContainText('Deleted WEAPON: 1 span in 1 document (Ines 1) relabelled ACTOR.');
  // COUNT is not used: it goes at once.
  await settings.getByRole('listitem').filter({ hasText: 'COUNT' }).getByRole('button', { name: 'Delete…' }).click();
  await expect(settings.getByRole('region', { name: 'Delete COUNT' }).getByRole('status')).toHaveText('No span uses COUNT.');
  await settings.getByRole('region', { name: 'Delete COUNT' }).getByRole('button', { name: 'Delete COUNT' }).click();
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();
  await expect(labelBar(page).getByRole('button')).toHaveText(['ACTOR1', 'LOCATION2', 'PER5']);
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR Kiev']);

  // Another import's unknown label is added from its preview.
  await importFiles(page, [{ name: 'carol.jsonl', content: `${JSON.stringify({ text: 'Airbus à Toulouse', spans: [{ start: 0, end: 6, label: 'ORG', text: 'Airbus' }], _annotator_id: 'carol' })}\n` }]);
  await expect(importDialog).toContainText('ORG (1)');
  await importDialog.getByRole('button', { name: 'Add it to the labels' }).click();
  await expect(importDialog).not.toContainText('not in this project');
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(labelBar(page).getByRole('button')).toHaveText(['ACTOR1', 'LOCATION2', 'PER5', 'ORG3']);
  await page.reload();
  await expect(labelBar(page).getByRole('button')).toHaveText(['ACTOR1', 'LOCATION2', 'PER5', 'ORG3']);
});
