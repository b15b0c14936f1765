/**
 * A document that came with its own tokens (Prodigy, CoNLL, Hugging Face) is tagged on those tokens:
 * a drag snaps to them and a double-click selects one, rather than the core tokenizer's words.
 */
import { expect, test } from '@playwright/test';
import { doubleClickText, importFiles, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

// The core tokenizer splits the elision ("d'" + "attaque"); the file's tokenizer keeps "d'attaque" whole.
const TEXT = "Frappes d'attaque sur l'Ukraine";
const TOKENS = [
  { text: 'Frappes', start: 0, end: 7, id: 0, ws: true },
  { text: "d'attaque", start: 8, end: 17, id: 1, ws: true },
  { text: 'sur', start: 18, end: 21, id: 2, ws: true },
  { text: "l'Ukraine", start: 22, end: 31, id: 3, ws: false },
];

test('a drag and a double-click snap to the tokens the document came with', async ({ page }) => {
  await startAs(page, 'Tom');
  await importFiles(page, [{ name: 'tokens.jsonl', content: `${JSON.stringify({ text: TEXT, tokens: TOKENS, spans: [], meta: { title: 'Jetons de Prodigy' }, _annotator_id: 'Tom', answer: 'accept' })}\n` }]);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await openDocument(page, 'Jetons de Prodigy');

  // "tta" inside "d'attaque": the span covers the file's whole token, elision included.
  await mouseSelect(page, 0, 11, 14);
  await page.keyboard.press('4');
  await expect.poll(() => listedSpans(page)).toEqual(["WEAPON d'attaque"]);

  // A double-click on "kra" selects the file's token "l'Ukraine" (the core tokenizer's would be "Ukraine"), then a key tags it.
  await doubleClickText(page, 0, 25, 28);
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("l'Ukraine");
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(["WEAPON d'attaque", "LOCATION l'Ukraine"]);

  // After a reload the tokens are still the document's.
  await page.reload();
  await openDocument(page, 'Jetons de Prodigy');
  await mouseSelect(page, 0, 1, 3);
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR Frappes', "WEAPON d'attaque", "LOCATION l'Ukraine"]);
});
