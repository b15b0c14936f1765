/**
 * Label names are readable in the text — nested and overlapping spans included — and heard by
 * screen readers as "LABEL: text"; they can be hidden (remembered across a reload); the text area
 * carries no invalid ARIA; text and chips keep WCAG AA contrast.
 */
import { expect, test, type Page } from '@playwright/test';
import { documentText, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';
// Block 2 of the seed (block 1 is the blank line after the first paragraph).
const P2 = "L'attaque de missiles russes sur Kiev dans la nuit a tué deux personnes";

async function tag(page: Page, block: number, text: string, word: string, key: string, from = 0): Promise<void> {
  const start = text.indexOf(word, from);
  await mouseSelect(page, block, start, start + word.length);
  await page.keyboard.press(key);
}

/** Tags a crowded paragraph: an overlap inside a span, two spans starting together, and plain ones. */
async function tagCrowdedParagraph(page: Page): Promise<void> {
  await tag(page, 0, 'Kiev [Ukraine]', 'Kiev', '2');
  await tag(page, 2, P2, 'missiles russes', '4');
  await tag(page, 2, P2, 'russes', '1');
  await tag(page, 2, P2, 'Kiev', '2');
  await tag(page, 2, P2, 'deux personnes', '1');
  await tag(page, 2, P2, 'deux', '3');
  await tag(page, 2, P2, 'nuit', '3');
  await expect.poll(async () => (await listedSpans(page)).length).toBe(7);
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** For every highlight: its text colour and its background over the white page, and its chip's two colours. */
async function highlightColours(page: Page) {
  return page.evaluate(() => {
    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    return [...document.querySelectorAll('[aria-label="Document text"] mark')].map((mark) => {
      const style = getComputedStyle(mark);
      const [r = 255, g = 255, b = 255, a = 1] = rgba(style.backgroundColor);
      const chip = getComputedStyle(mark, '::before');
      return {
        text: rgba(style.color).slice(0, 3),
        behind: [r, g, b].map((c) => c * a + 255 * (1 - a)),
        chip: chip.content === 'none' ? null : { fg: rgba(chip.color).slice(0, 3), bg: rgba(chip.backgroundColor).slice(0, 3) },
      };
    });
  });
}

test('every span shows its label in the text, nested and overlapping ones too, and screen readers hear "LABEL: text"', async ({ page }) => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (width === 1280) {
      await startAs(page, 'Ada');
      await openDocument(page, KIEV_DOC);
      await tagCrowdedParagraph(page);
    }
    await page.mouse.click(5, height - 5);
    await documentText(page).locator('p[data-block="2"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/screenshots/labels-in-text-${width}x${height}.png` });
  }

  // What a screen reader reads, highlight by highlight: the label, then the words.
  const paragraph = await documentText(page).locator('p[data-block="2"]').ariaSnapshot();
  for (const heard of ['mark: "WEAPON: missiles"', 'mark: "ACTOR: russes"', 'mark: "LOCATION: Kiev"', 'mark: "ACTOR, COUNT: deux"', 'mark: personnes', 'mark: "COUNT: nuit"']) {
    expect(paragraph).toContain(heard);
  }
  expect(await documentText(page).locator('p[data-block="0"]').ariaSnapshot()).toContain('mark: "LOCATION: Kiev"');

  // And what a sighted reader sees: a chip before each span's first words.
  const chips = await documentText(page).locator('mark[data-chip]').evaluateAll((marks) => marks.map((m) => [m.textContent, getComputedStyle(m, '::before').content]));
  expect(chips).toEqual([
    ['Kiev', '"LOCATION" / "LOCATION: "'],
    ['missiles ', '"WEAPON" / "WEAPON: "'],
    ['russes', '"ACTOR" / "ACTOR: "'],
    ['Kiev', '"LOCATION" / "LOCATION: "'],
    ['nuit', '"COUNT" / "COUNT: "'],
    ['deux', '"ACTOR · COUNT" / "ACTOR, COUNT: "'],
  ]);

  // WCAG AA: the text over every highlight, and every chip's name over its colour.
  for (const { text, behind, chip } of await highlightColours(page)) {
    expect(contrast(text, behind)).toBeGreaterThanOrEqual(4.5);
    if (chip) expect(contrast(chip.fg, chip.bg)).toBeGreaterThanOrEqual(4.5);
  }
});

test('labels can be hidden from the text, stay hidden after a reload, and are still heard', async ({ page }) => {
  await startAs(page, 'Bo');
  await openDocument(page, KIEV_DOC);
  await tag(page, 0, 'Kiev [Ukraine]', 'Kiev', '2');
  const kiev = documentText(page).locator('mark[data-chip]').first();
  const shownWidth = (await kiev.boundingBox())!.width;
  const toggle = page.getByRole('button', { name: 'Labels in text' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // The chip no longer takes room in the line: the highlight is as wide as its word.
  await expect.poll(async () => (await kiev.boundingBox())!.width).toBeLessThan(shownWidth - 20);
  expect(await documentText(page).locator('p[data-block="0"]').ariaSnapshot()).toContain('mark: "LOCATION: Kiev"');

  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.reload();
  await expect(documentText(page).locator('mark[data-chip]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Labels in text' })).toHaveAttribute('aria-pressed', 'false');
  expect((await documentText(page).locator('mark[data-chip]').first().boundingBox())!.width).toBeLessThan(shownWidth - 20);
  await page.getByRole('button', { name: 'Labels in text' }).click();
  await expect.poll(async () => (await documentText(page).locator('mark[data-chip]').first().boundingBox())!.width).toBeCloseTo(shownWidth, 0);
});

test('the text area carries no invalid ARIA, and blank lines are not read as empty paragraphs', async ({ page }) => {
  await startAs(page, 'Cy');
  await openDocument(page, KIEV_DOC);
  const attributes = await documentText(page).evaluate((root) => root.getAttributeNames().filter((a) => a === 'role' || a.startsWith('aria-')));
  expect(attributes.sort()).toEqual(['aria-label', 'role']);
  const blank = documentText(page).locator('p[data-block]', { hasText: /^$/ });
  expect(await blank.count()).toBeGreaterThan(0);
  for (const p of await blank.all()) await expect(p).toHaveAttribute('aria-hidden', 'true');
  const snapshot = await documentText(page).ariaSnapshot();
  expect(snapshot).not.toMatch(/- paragraph\s*$/m);
});
