/** The document list shows everyone's work: who annotated each document, their status and counts per label, and the team filters; it follows changes made in another window. */
import { expect, test, type Page } from '@playwright/test';
import { importFiles, mouseSelect, openDocument, startAs } from './helpers';

const docList = (page: Page) => page.getByRole('navigation', { name: 'Documents' });
const rowOf = (page: Page, title: string) => docList(page).getByRole('button', { name: title });
const titles = async (page: Page) => (await docList(page).locator('.doc-row-title').allInnerTexts()).sort();

const AGREED = 'Drones sur Kiev et Odessa';
const LABEL_DIFF = 'Missiles sur Lviv';
const BOUNDARY_DIFF = 'Frappes près de Kharkiv';
const ONLY_ALICE = 'Bombes planantes sur Soumy';
const LONG_TEXT = 'Zaporijjia sous le feu.';
const LONG = 'Un titre très long qui ne tient pas sur deux lignes dans la liste des documents : la région de Zaporijjia sous le feu de l’artillerie russe, selon le gouverneur';

/** A Spanlight JSONL record: the text, its spans by word, and whose and how finished it is. */
function record(text: string, spans: [string, string][], annotator: string, answer: 'accept' | 'ignore' = 'accept') {
  return JSON.stringify({
    text,
    // The long title comes with the file (as a news feed's headline would).
    ...(text === LONG_TEXT ? { meta: { title: LONG } } : {}),
    spans: spans.map(([word, label]) => {
      const start = text.indexOf(word);
      return { start, end: start + word.length, label, text: word };
    }),
    _annotator_id: annotator,
    answer,
    ...(answer === 'ignore' ? { _status: 'in_progress' } : {}),
  });
}

async function importTeam(page: Page) {
  await importFiles(page, [
    {
      name: 'alice.jsonl',
      content: [
        record(AGREED, [['Kiev', 'LOCATION'], ['Odessa', 'LOCATION'], ['Drones', 'WEAPON']], 'alice'),
        record(LABEL_DIFF, [['Lviv', 'LOCATION']], 'alice'),
        record(BOUNDARY_DIFF, [['Kharkiv', 'LOCATION']], 'alice'),
        record(ONLY_ALICE, [['Soumy', 'LOCATION']], 'alice', 'ignore'),
        record(LONG_TEXT, [['Zaporijjia', 'LOCATION']], 'alice'),
      ].join('\n'),
    },
    {
      name: 'bob.jsonl',
      content: [
        record(AGREED, [['Kiev', 'LOCATION'], ['Odessa', 'LOCATION'], ['Drones', 'WEAPON']], 'bob'),
        record(LABEL_DIFF, [['Lviv', 'ACTOR']], 'bob'),
        // Same labels, same counts, other boundaries: only the spans themselves tell.
        record(BOUNDARY_DIFF, [['près de Kharkiv', 'LOCATION']], 'bob'),
        record(LONG_TEXT, [['Zaporijjia', 'LOCATION']], 'bob'),
      ].join('\n'),
    },
    { name: 'gold.jsonl', content: record(AGREED, [['Kiev', 'LOCATION'], ['Odessa', 'LOCATION'], ['Drones', 'WEAPON']], 'gold') },
    { name: 'model.jsonl', content: record(LABEL_DIFF, [['Lviv', 'LOCATION'], ['Missiles', 'WEAPON']], 'model:crf') },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('every annotator’s status and counts per document, per-label details, whole titles, and the team filters', async ({ page }) => {
  await startAs(page, 'lead');
  await importTeam(page);

  // Each row says who annotated the document, in words for assistive technology.
  await expect(rowOf(page, LABEL_DIFF)).toHaveAccessibleName(`${LABEL_DIFF} To do 0 spans alice: Done, 1 span; bob: Done, 1 span; model:crf: Done, 2 spans;`);
  await expect(rowOf(page, AGREED)).toContainText('alice ✓ 3');
  await expect(rowOf(page, AGREED)).toContainText('gold ✓ 3');
  await expect(rowOf(page, ONLY_ALICE)).toContainText('alice ◐ 1');
  // The whole title on hover, with everyone's counts per label.
  await expect(rowOf(page, AGREED)).toHaveAttribute('title', `${AGREED}\nalice: Done, 3 spans (LOCATION 2, WEAPON 1)\nbob: Done, 3 spans (LOCATION 2, WEAPON 1)\ngold: Done, 3 spans (LOCATION 2, WEAPON 1)`);

  // The details under the list: the document in focus, its whole title, each annotator's spans per label.
  await rowOf(page, LONG).focus();
  const details = docList(page).getByRole('region', { name: 'Document details' });
  await expect(details).toContainText(LONG);
  await rowOf(page, AGREED).focus();
  await expect(details.getByRole('term')).toHaveText(['alice', 'bob', 'gold']);
  await expect(details.getByRole('definition').first()).toHaveText('Done 3 spansLOCATION 2WEAPON 1');
  await rowOf(page, LABEL_DIFF).focus();
  await expect(details.getByRole('definition').last()).toContainText('LOCATION 1WEAPON 1');
  for (const [w, h] of [[1280, 800], [1920, 1080], [720, 480]] as const) {
    await page.setViewportSize({ width: w, height: h });
    // The list stays open (it floats over the text on the small window); the details follow the focus.
    await rowOf(page, AGREED).focus();
    await page.screenshot({ path: `tests/screenshots/document-list-team-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1400, height: 900 });

  const teamFilter = docList(page).getByLabel('Filter by the team’s work');
  await teamFilter.selectOption({ label: 'Annotated by everyone' });
  await expect(docList(page)).toContainText('Done by every annotator of the project (alice, bob); gold and models not counted.');
  await expect.poll(() => titles(page)).toEqual([BOUNDARY_DIFF, AGREED, LONG, LABEL_DIFF].sort());

  await teamFilter.selectOption({ label: 'Has disagreements' });
  await expect(docList(page)).toContainText('Two or more annotators (not gold, not models) marked it done with different spans.');
  // A different label, and a different boundary with the same counts; not the agreed one, nor the one only alice finished.
  await expect.poll(() => titles(page)).toEqual([BOUNDARY_DIFF, LABEL_DIFF].sort());
  await page.screenshot({ path: 'tests/screenshots/document-list-disagreements.png' });

  await teamFilter.selectOption({ label: 'Not adjudicated' });
  await expect.poll(async () => (await titles(page)).includes(AGREED)).toBe(false);
  await expect(docList(page).getByRole('listitem')).toHaveCount(9);
});

test('the list follows what another window does: a colleague’s edit there shows here, and the disagreement filter follows it', async ({ page, context }) => {
  await startAs(page, 'lead');
  await importTeam(page);
  const teamFilter = docList(page).getByLabel('Filter by the team’s work');
  await teamFilter.selectOption({ label: 'Has disagreements' });
  await expect.poll(() => titles(page)).toEqual([BOUNDARY_DIFF, LABEL_DIFF].sort());

  // bob works in a second window of the same profile.
  const other = await context.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: /Annotator: lead/ }).click();
  const dialog = other.getByRole('dialog', { name: 'Annotator' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('bob');
  await dialog.getByRole('button', { name: 'Annotate as this person' }).click();
  await openDocument(other, AGREED);
  await mouseSelect(other, 0, AGREED.indexOf('sur'), AGREED.indexOf('sur') + 3);
  await other.keyboard.press('1');
  // Reopened by the edit: bob's status and count change here at once.
  await teamFilter.selectOption({ label: 'All documents' });
  await expect(rowOf(page, AGREED)).toContainText('bob ◐ 4');
  await teamFilter.selectOption({ label: 'Has disagreements' });
  await other.keyboard.press('Control+Enter');
  await expect.poll(() => titles(page)).toEqual([BOUNDARY_DIFF, AGREED, LABEL_DIFF].sort());
  await expect(rowOf(page, AGREED)).toContainText('bob ✓ 4');
  await other.close();
});
