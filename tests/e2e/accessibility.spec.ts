/**
 * axe-core scan of every view and dialog against WCAG 2.0 and 2.1, levels A and AA. Any violation
 * fails the test, listed by rule and element. No rule is switched off.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { doubleClickText, importFiles, mouseSelect, openDocument, startAs } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Scans the page as it is and fails on any violation, naming the view, the rule and the elements (softly: every view of a test is scanned and reported). */
async function scan(page: Page, view: string): Promise<void> {
  // Full details for violations only: the scan stays quick.
  const result = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  console.log(`axe ${view}: ${result.violations.length} violation(s), ${result.passes.length} rules passed, to review: ${result.incomplete.map((i) => i.id).join(', ') || 'none'}`);
  expect.soft(found, `${view}: WCAG A/AA violations`).toEqual([]);
}

test('first start: the name dialog', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('dialog', { name: 'Welcome to Spanlight' })).toBeVisible();
  await scan(page, 'name dialog (first start)');
});

test('the annotate view with spans, a selected span, the document list, the guidelines, label-first mode and collapsed panels', async ({ page }) => {
  await startAs(page, 'Axe');
  await openDocument(page, 'Kiev [Ukraine]');
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await mouseSelect(page, 0, 6, 13);
  await page.keyboard.press('1');
  await doubleClickText(page, 0, 17, 18);
  await page.keyboard.press('3');
  await scan(page, 'annotate view with spans and the document list');

  await page.getByRole('region', { name: 'Spans' }).getByRole('button').first().click();
  await scan(page, 'annotate view, a span selected');

  await page.getByRole('button', { name: 'Guidelines' }).click();
  await expect(page.getByRole('complementary', { name: 'Guidelines' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await scan(page, 'guidelines open');
  await page.getByRole('button', { name: 'Close guidelines' }).click();

  await page.keyboard.press('Escape');
  await page.keyboard.press('4');
  await expect(page.getByRole('status', { name: 'Label-first mode' })).toContainText('WEAPON');
  await scan(page, 'label-first mode');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Flag…' }).click();
  await scan(page, 'flag form open');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Document list', exact: true }).click();
  await page.getByRole('button', { name: 'Span list', exact: true }).click();
  await scan(page, 'collapsed panels');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await scan(page, 'shortcut sheet');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: /Annotator: Axe/ }).click();
  await expect(page.getByRole('dialog', { name: 'Annotator' })).toBeVisible();
  await scan(page, 'annotator dialog');
});

test('import preview, export dialog with dropped spans, another annotator read-only', async ({ page }) => {
  await startAs(page, 'Axe');
  await importFiles(page, [
    { name: 'gold.jsonl', content: '{"text": "Kiev frappée par 12 drones", "label": [[0, 4, "LOCATION"], [0, 4, "ACTOR"], [17, 19, "COUNT"]]}\n' },
    { name: 'broken.jsonl', content: '{"text": "Marioupol"}\n{"text": oops}\n' },
  ]);
  await expect(page.getByRole('dialog', { name: 'Import' }).getByRole('alert', { name: 'Import problems' })).toBeVisible();
  await scan(page, 'import preview with problems');
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Skip bad records and import the rest').check();
  // The file's name says whose annotations they are: gold's.
  await expect(dialog.getByLabel('Annotator for gold.jsonl')).toHaveValue('gold');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  await openDocument(page, 'Kiev frappée');
  await page.getByLabel('Annotations of').selectOption('gold');
  await expect(page.getByText('gold: read-only')).toBeVisible();
  await scan(page, 'another annotator’s set, read-only');

  await page.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
  await exportDialog.getByLabel('Annotator').selectOption('gold');
  await exportDialog.getByRole('radio', { name: /All documents/ }).check();
  await exportDialog.getByLabel('Format').selectOption('conll');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await downloading;
  await expect(exportDialog.getByRole('alert')).toContainText('dropped');
  await scan(page, 'export dialog with dropped spans');
});

test('the smallest window: 720×480 with the document list over the text and the Files menu open', async ({ page }) => {
  await page.setViewportSize({ width: 720, height: 480 });
  await startAs(page, 'Axe');
  await scan(page, '720×480, panels collapsed');
  await page.getByRole('button', { name: 'Document list', exact: true }).click();
  await page.getByRole('button', { name: 'Files' }).click();
  await expect(page.getByRole('menu', { name: 'Files' })).toBeVisible();
  await scan(page, '720×480, document list and Files menu open');
});

test('the lead views: agreement with a span list open, adjudicate with the edit form, audit', async ({ page }) => {
  const { readFile } = await import('node:fs/promises');
  const fixture = (name: string) => readFile(new URL(`../fixtures/lead/${name}`, import.meta.url), 'utf8');
  await startAs(page, 'Axe');
  await importFiles(page, await Promise.all(['alice.jsonl', 'bob.jsonl', 'model-ner.jsonl'].map(async (name) => ({ name, content: await fixture(name) }))));
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  const views = page.getByRole('navigation', { name: 'Views' });

  await views.getByRole('button', { name: 'Agreement' }).click();
  await expect(page.getByRole('region', { name: 'Pairs' })).toBeVisible();
  await scan(page, 'agreement view');
  await page.getByRole('table', { name: /Rows: alice’s labels/ }).getByRole('button', { name: /alice COUNT, bob ACTOR/ }).click();
  await expect(page.getByRole('region', { name: 'COUNT → ACTOR' })).toBeVisible();
  await scan(page, 'agreement view, spans behind a confusion cell');

  await views.getByRole('button', { name: 'Adjudicate' }).click();
  await expect(page.getByRole('status', { name: 'Adjudication progress' })).toContainText('disagreements left');
  await scan(page, 'adjudicate view');
  await page.keyboard.press('e');
  await expect(page.getByRole('form', { name: 'Edit the gold span by hand' })).toBeVisible();
  await scan(page, 'adjudicate view, editing by hand');
  await page.keyboard.press('Escape');
  await page.getByText(/^Between alice, bob/).click();
  await scan(page, 'adjudicate view, choosing annotators');

  await views.getByRole('button', { name: 'Audit' }).click();
  await page.getByRole('combobox', { name: 'Reference' }).selectOption('alice');
  await page.getByRole('combobox', { name: 'against' }).selectOption('model:ner');
  await expect(page.getByRole('region', { name: /^Errors/ })).toBeVisible();
  await scan(page, 'audit view');
  await page.getByRole('combobox', { name: 'against' }).selectOption('bob');
  await expect(page.getByRole('region', { name: /^Where bob differs from alice/ })).toBeVisible();
  await scan(page, 'audit view as feedback');
});

test('the document list with everyone’s work, its team filters and details; the project menu and dialogs', async ({ page }) => {
  await startAs(page, 'Axe');
  const text = 'Kiev frappée par 12 drones';
  const rec = (annotator: string, spans: [number, number, string][]) => JSON.stringify({ text, spans: spans.map(([start, end, label]) => ({ start, end, label, text: text.slice(start, end) })), _annotator_id: annotator, answer: 'accept' });
  await importFiles(page, [
    { name: 'alice.jsonl', content: `${rec('alice', [[0, 4, 'LOCATION'], [17, 19, 'COUNT']])}\n` },
    { name: 'bob.jsonl', content: `${rec('bob', [[0, 4, 'ACTOR'], [17, 19, 'COUNT'], [20, 26, 'DRONE']])}\n` },
  ]);
  await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
  const list = page.getByRole('navigation', { name: 'Documents' });
  await list.getByLabel('Filter by the team’s work').selectOption({ label: 'Has disagreements' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: /Kiev frappée/ }).focus();
  await expect(list.getByRole('region', { name: 'Document details' })).toContainText('DRONE');
  await scan(page, 'document list: team filter, chips and details');

  await page.getByRole('button', { name: 'Project: French war reporting' }).click();
  await expect(page.getByRole('menu', { name: 'Project: French war reporting' })).toBeVisible();
  await scan(page, 'project menu open');
  await page.getByRole('menuitem', { name: 'New project…' }).click();
  const create = page.getByRole('dialog', { name: 'New project' });
  await create.getByLabel('Project name').fill('Axe project');
  await create.getByRole('button', { name: 'Add label' }).click();
  await create.getByLabel('Guidelines (Markdown)').fill('# Guide\n\nTag **people**.');
  await expect(create.getByRole('list', { name: 'Problems' })).toBeVisible();
  await scan(page, 'new project dialog, with a problem and the guidelines preview');
  await create.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Project: French war reporting' }).click();
  await page.getByRole('menuitem', { name: 'Project settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'Project settings' });
  await expect(settings.getByRole('region', { name: 'Labels in use that are not in the schema' })).toContainText('DRONE');
  await settings.getByRole('listitem').filter({ hasText: 'LOCATION' }).getByRole('button', { name: 'Delete…' }).click();
  await expect(settings.getByRole('region', { name: 'Delete LOCATION' }).getByRole('status')).toContainText('used by 1 span');
  await scan(page, 'project settings: labels in use not in the schema, deleting a label in use');
  await settings.getByRole('region', { name: 'Delete LOCATION' }).getByRole('button', { name: 'Cancel' }).click();
  await settings.getByRole('listitem').filter({ hasText: 'ACTOR' }).getByRole('button', { name: 'Rename…' }).click();
  await settings.getByRole('region', { name: 'Rename ACTOR' }).getByLabel('New name').fill('ACTOR');
  await scan(page, 'project settings: renaming a label');
});
