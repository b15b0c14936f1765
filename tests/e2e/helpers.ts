/** Helpers that drive the workbench like a person: name yourself, open a document, select text with the mouse. */
import { expect, type Page } from '@playwright/test';

/** First start: answer the name question. */
export async function startAs(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('dialog', { name: 'Welcome to Spanlight' }).getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start annotating' }).click();
  await expect(page.getByRole('main', { name: 'Annotate' })).toBeVisible();
}

/** Opens the document whose list entry contains `title`, and waits, as a person would, until its text and annotations are shown. */
export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.getByRole('document', { name: 'Document text' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Selected span' })).not.toHaveText('Loading annotations…');
}

/** The rendered document text. */
export function documentText(page: Page) {
  return page.getByRole('document', { name: 'Document text' });
}

/** Screen coordinates of the characters `[start, end)` of a paragraph's text (first line of the range). */
export async function charBox(page: Page, paragraph: number, start: number, end: number) {
  // As a person waits to see the text before pointing at it: after a move to another document the
  // text appears once its annotations are read.
  await documentText(page).locator(`p[data-block="${paragraph}"]`).waitFor({ state: 'attached' });
  return page.evaluate(
    ({ paragraph, start, end }) => {
      const root = document.querySelector('[aria-label="Document text"]')!;
      // Only blocks near the screen are rendered; each carries its index.
      const p = root.querySelector(`p[data-block="${paragraph}"]`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const point = (offset: number, preferEnd: boolean): [Node, number] => {
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent!.length;
          if (offset < seen + len || (preferEnd && offset === seen + len)) return [node, offset - seen];
          seen += len;
        }
        throw new Error(`offset ${offset} beyond paragraph`);
      };
      const range = document.createRange();
      const [sNode, sOff] = point(start, false);
      walker.currentNode = p;
      const [eNode, eOff] = point(end, true);
      range.setStart(sNode, sOff);
      range.setEnd(eNode, eOff);
      const rects = [...range.getClientRects()];
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left, y1: first.top + first.height / 2, x2: last.right, y2: last.top + last.height / 2 };
    },
    { paragraph, start, end },
  );
}

/** Like charBox, once the layout has settled (paragraphs off screen get their real height when scrolled to). */
export async function settledCharBox(page: Page, paragraph: number, start: number, end: number) {
  let box = await charBox(page, paragraph, start, end);
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const next = await charBox(page, paragraph, start, end);
    if (JSON.stringify(next) === JSON.stringify(box)) return box;
    box = next;
  }
  throw new Error('the layout did not settle');
}

/** Drags the mouse across characters `[start, end)` of a paragraph, like a person selecting words. */
export async function mouseSelect(page: Page, paragraph: number, start: number, end: number): Promise<void> {
  const box = await settledCharBox(page, paragraph, start, end);
  await page.mouse.move(box.x1 + 1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2 - 1, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** Double-clicks in the middle of characters `[start, end)` of a paragraph. */
export async function doubleClickText(page: Page, paragraph: number, start: number, end: number): Promise<void> {
  const box = await settledCharBox(page, paragraph, start, end);
  await page.mouse.dblclick((box.x1 + box.x2) / 2, box.y1);
}

/** Drags the mouse from character `from` of one paragraph to just after character `to - 1` of another. */
export async function mouseSelectAcross(page: Page, from: { paragraph: number; offset: number }, to: { paragraph: number; offset: number }): Promise<void> {
  const a = await settledCharBox(page, from.paragraph, from.offset, from.offset + 1);
  const b = await settledCharBox(page, to.paragraph, to.offset - 1, to.offset);
  await page.mouse.move(a.x1 + 1, a.y1);
  await page.mouse.down();
  await page.mouse.move((a.x1 + b.x2) / 2, (a.y1 + b.y2) / 2, { steps: 4 });
  await page.mouse.move(b.x2 - 1, b.y2, { steps: 4 });
  await page.mouse.up();
}

/** Clicks in the middle of characters `[start, end)` of a paragraph. */
export async function clickText(page: Page, paragraph: number, start: number, end: number): Promise<void> {
  const box = await settledCharBox(page, paragraph, start, end);
  await page.mouse.click((box.x1 + box.x2) / 2, box.y1);
}

/** The spans listed in the side panel, as "LABEL text" strings. */
export async function listedSpans(page: Page): Promise<string[]> {
  const panel = page.getByRole('region', { name: 'Spans' });
  const rows = panel.getByRole('listitem');
  const texts = await rows.allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Chooses files with "Import files…" (a button, or an item of the Files menu on a narrower window); the import preview then opens. */
export async function importFiles(page: Page, files: { name: string; content: string | Buffer }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  const button = page.getByRole('button', { name: 'Import files…' });
  // Below 1400 px the imports are in the Files menu.
  if (await button.isVisible()) {
    await button.click();
  } else {
    await page.getByRole('button', { name: 'Files' }).click();
    await page.getByRole('menuitem', { name: 'Import files…' }).click();
  }
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.content) })));
}
