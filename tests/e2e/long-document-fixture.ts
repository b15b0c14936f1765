/** A generated long document (about 1 MB, 10,000 spans) imported through the Import dialog, and helpers to read the view of it. */
import { expect, type Page } from '@playwright/test';

/** Lines of the long document after its title line. */
export const LINES = 14_000;
/** Line (block index − 1) holding the unique word the span list jumps to. */
export const FAR_LINE = 12_345;
/** Line holding the unique accented word find looks for. */
export const FIND_LINE = 9_001;

/** The text of line `i` (0-based, after the title); one line in a thousand holds an emoji (two UTF-16 units, one code point). */
export function lineText(i: number): string {
  const place = i === FAR_LINE ? 'Zaporijjia' : i === FIND_LINE ? 'Sébastopol' : 'Kharkiv';
  const emoji = i % 1000 === 5 ? '😀 ' : '';
  return `Paragraphe ${i} : ${emoji}frappes de drones sur ${place}, selon l’armée de l’air ukrainienne.`;
}

/** Code point offset of a UTF-16 offset of `text` (what doccano files and exports count). */
export function codePointOffset(text: string, utf16: number): number {
  let astral = 0;
  for (let i = text.indexOf('😀'); i !== -1 && i < utf16; i = text.indexOf('😀', i + 2)) astral++;
  return utf16 - astral;
}

/** The long document: its text, the UTF-16 offset where each line starts, and 10,000 LOCATION spans in code points (doccano's unit). */
export function longDocument() {
  const title = 'Long rapport de frappes';
  const lines = Array.from({ length: LINES }, (_, i) => lineText(i));
  const text = `${title}\n${lines.join('\n')}`;
  const lineStart: number[] = [];
  let at = title.length + 1;
  for (const line of lines) {
    lineStart.push(at);
    at += line.length + 1;
  }
  const spans: [number, number, string][] = [];
  for (let i = 0; i < LINES && spans.length < 10_000; i++) {
    if (i % 14 >= 10 && i !== FAR_LINE) continue;
    const word = i === FAR_LINE ? 'Zaporijjia' : i === FIND_LINE ? 'Sébastopol' : 'Kharkiv';
    const start = lineStart[i]! + lines[i]!.indexOf(word);
    spans.push([start, start + word.length, 'LOCATION']);
  }
  // Offsets so far are UTF-16; the file counts code points, as doccano does.
  const astralBefore: number[] = [];
  let astral = 0;
  for (let i = 0; i < LINES; i++) {
    astralBefore.push(astral);
    if (lines[i]!.includes('😀')) astral++;
  }
  let line = 0;
  const inCodePoints = spans.map(([start, end, label]): [number, number, string] => {
    while (line + 1 < LINES && lineStart[line + 1]! <= start) line++;
    const shift = astralBefore[line]! + (lines[line]!.includes('😀') && start - lineStart[line]! > lines[line]!.indexOf('😀') ? 1 : 0);
    return [start - shift, end - shift, label];
  });
  return { title, text, lineStart, spans: inCodePoints };
}

/** Imports the long document as doccano JSONL under the current annotator, and opens it. */
export async function importLongDocument(page: Page, doc: ReturnType<typeof longDocument>, annotator: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  await (await chooser).setFiles({ name: 'long.jsonl', mimeType: 'text/plain', buffer: Buffer.from(JSON.stringify({ text: doc.text, label: doc.spans }) + '\n') });
  const dialog = page.getByRole('dialog', { name: 'Import' });
  // doccano names no annotator: the file's annotations are the current annotator's.
  await dialog.getByLabel('Annotator for long.jsonl').fill(annotator);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: doc.title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(doc.title);
  await expect(page.getByRole('region', { name: 'Spans' }).getByRole('heading')).toContainText('10000');
}

/** Block indices of the rendered blocks, and how many marks are in the DOM. */
export async function renderedBlocks(page: Page): Promise<{ blocks: number[]; marks: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('[aria-label="Document text"]')!;
    return {
      blocks: [...root.querySelectorAll('p[data-block]')].map((p) => Number(p.getAttribute('data-block'))),
      marks: root.querySelectorAll('mark').length,
    };
  });
}

/** Index of the block nearest the middle of the document's visible area. */
export async function blockAtMiddle(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.querySelector('[aria-label="Document text"]')!;
    const box = root.parentElement!.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    let best = -1;
    let distance = Infinity;
    for (const p of root.querySelectorAll('p[data-block]')) {
      const rect = p.getBoundingClientRect();
      const d = Math.abs(rect.top + rect.height / 2 - middle);
      if (d < distance) [best, distance] = [Number(p.getAttribute('data-block')), d];
    }
    return best;
  });
}

/** Whether block `index` is rendered and entirely inside the document's visible area. */
export async function blockOnScreen(page: Page, index: number): Promise<boolean> {
  return page.evaluate((index) => {
    const root = document.querySelector('[aria-label="Document text"]')!;
    const p = root.querySelector(`p[data-block="${index}"]`);
    if (!p) return false;
    const box = root.parentElement!.getBoundingClientRect();
    const rect = p.getBoundingClientRect();
    return rect.top >= box.top && rect.bottom <= box.bottom;
  }, index);
}

/** The spans of the long document in an "all documents" Spanlight JSONL export, as [label, start, end, text] with code point offsets. */
export async function exportedSpans(page: Page, text: string): Promise<[string, number, number, string][]> {
  const { readFile } = await import('node:fs/promises');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: 'All documents, unfinished ones included' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const content = await readFile((await (await downloading).path())!, 'utf8');
  const record = content
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; spans: { start: number; end: number; text: string; label: string }[] })
    .find((r) => r.text === text)!;
  return record.spans.map((s) => [s.label, s.start, s.end, s.text]);
}

/** Block indices of the selection's anchor and focus (null when outside a block). */
export async function selectionBlocks(page: Page): Promise<[number | null, number | null]> {
  return page.evaluate(() => {
    const selection = window.getSelection()!;
    const block = (node: Node | null) => {
      const element = node instanceof Element ? node : node?.parentElement;
      const p = element?.closest('[data-block]');
      return p ? Number(p.getAttribute('data-block')) : null;
    };
    return [block(selection.anchorNode), block(selection.focusNode)] as [number | null, number | null];
  });
}

