/** Keyboard-only tagging, undo across documents, dialogs that keep the focus, and returning to where you were. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { documentText, listedSpans, mouseSelect, openDocument, startAs } from './helpers';

const KIEV_DOC = 'Kiev [Ukraine]';
// The seed article after it in the list.
const NEXT_DOC = 'La Russie a lancé 539 drones';

async function press(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** A slow machine: the frames after which edits are stored do not come until `releaseFrames`. */
async function holdFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { releaseFrames: () => void };
    const raf = window.requestAnimationFrame.bind(window);
    let held: FrameRequestCallback[] | null = [];
    window.requestAnimationFrame = (callback) => (held ? (held.push(callback), 0) : raf(callback));
    w.releaseFrames = () => {
      const callbacks = held ?? [];
      held = null;
      window.requestAnimationFrame = raf;
      for (const callback of callbacks) raf(callback);
    };
  });
}

async function releaseFrames(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { releaseFrames: () => void }).releaseFrames());
}

/** Another writer holds an IndexedDB store for 1.5 s, so the app's next read of it comes late. */
async function holdStore(page: Page, name: 'texts' | 'annotationSets'): Promise<void> {
  await page.evaluate((name) => {
    const open = indexedDB.open('spanlight');
    open.onsuccess = () => {
      const tx = open.result.transaction(name, 'readwrite');
      tx.oncomplete = () => ((window as unknown as { released: boolean }).released = true);
      const store = tx.objectStore(name);
      const until = Date.now() + 1500;
      const spin = () => {
        if (Date.now() < until) store.get(name === 'texts' ? 'none' : ['none', 'none']).onsuccess = spin;
      };
      spin();
    };
  }, name);
}

/** Resolves once the store held by `holdStore` is free again. */
async function storeReleased(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { released?: boolean }).released === true);
}

test('keyboard only: arrows move a visible caret, Shift+arrows select, and tagging goes on from the span', async ({ page }) => {
  await startAs(page, 'Kim');
  await openDocument(page, KIEV_DOC);
  await documentText(page).focus();

  // "Kiev [Ukraine], Au milieu…": move to "Ukraine" and select it with the keyboard.
  await press(page, 'ArrowRight', 6);
  await expect(page.locator('.keyboard-caret')).toBeVisible();
  await press(page, 'Shift+ArrowRight', 7);
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Ukraine']);

  // The caret waits after "Ukraine": two steps right, then select " Au" (whitespace is trimmed).
  await press(page, 'ArrowRight', 2);
  await press(page, 'Shift+ArrowRight', 3);
  await page.screenshot({ path: 'tests/screenshots/keyboard-selection.png' });
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Ukraine', 'ACTOR Au']);
});

test('undo survives going to another document and back; a relabel onto an existing span is refused', async ({ page }) => {
  await startAs(page, 'Lou');
  await openDocument(page, KIEV_DOC);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await expect(undo).toBeDisabled();
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  await expect(undo).toBeEnabled();

  await page.keyboard.press('n');
  // The next document is open (not merely the previous one gone) before the next key.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NEXT_DOC);
  await expect(undo).toBeDisabled();
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(KIEV_DOC);
  // As a person would, wait for the document's spans to be there: the Undo button comes back with them.
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  await expect(undo).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect.poll(() => listedSpans(page)).toEqual([]);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);

  // Tag the same word ACTOR too, then try to relabel the LOCATION span as ACTOR: that would duplicate it.
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('1');
  await expect.poll(() => listedSpans(page)).toHaveLength(2);
  await page.getByRole('region', { name: 'Spans' }).getByRole('button', { name: /LOCATION/ }).click();
  await page.keyboard.press('1');
  await expect(page.getByRole('status').filter({ hasText: 'is already tagged ACTOR' })).toBeVisible();
  expect((await listedSpans(page)).sort()).toEqual(['ACTOR Kiev', 'LOCATION Kiev']);
});

test('an edit reopens a finished document, so "done" always means the spans were checked as they are', async ({ page }) => {
  await startAs(page, 'Noa');
  await openDocument(page, KIEV_DOC);
  await mouseSelect(page, 0, 0, 4);
  await page.keyboard.press('2');
  await page.keyboard.press('Control+Enter');
  // The next document is open (not merely the previous one gone) before the next key.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NEXT_DOC);
  await page.keyboard.press('p');
  await expect(page.getByLabel('Status: Done')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect.poll(() => listedSpans(page)).toEqual([]);
  await expect(page.getByLabel('Status: In progress')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('in progress again');
});

test('a document reopened before its last edits are stored shows them, and a new edit keeps them', async ({ page }) => {
  await startAs(page, 'Ivy');
  await openDocument(page, KIEV_DOC);
  await mouseSelect(page, 0, 0, 4);
  await holdFrames(page);
  await page.keyboard.press('2');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NEXT_DOC);
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(KIEV_DOC);
  await releaseFrames(page);
  await expect(page.getByLabel('Status: Done')).toBeVisible();
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  // Tagging again builds on what was stored, and both spans survive a reload.
  await mouseSelect(page, 0, 6, 13);
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  // As a person would, reload once the app says it is saved.
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(KIEV_DOC);
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
});

test('an export started right after an edit includes it', async ({ page }) => {
  await startAs(page, 'Eve');
  await openDocument(page, KIEV_DOC);
  await mouseSelect(page, 0, 0, 4);
  await holdFrames(page);
  await page.keyboard.press('2');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: 'All documents, unfinished ones included' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await releaseFrames(page);
  const content = await readFile((await (await downloading).path())!, 'utf8');
  const kiev = content.trim().split('\n').map((line) => JSON.parse(line) as { text: string; spans: { text: string; label: string }[] }).find((r) => r.text.startsWith(KIEV_DOC));
  expect(kiev?.spans.map((s) => `${s.label} ${s.text}`)).toEqual(['LOCATION Kiev']);
});

test('an edit made just before the window is hidden is stored while it is hidden', async ({ page }) => {
  await startAs(page, 'Ada');
  await openDocument(page, KIEV_DOC);
  await mouseSelect(page, 0, 0, 4);
  // A hidden or minimized window gets no frames.
  await holdFrames(page);
  await page.keyboard.press('2');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // Edits are appended to the sets' log of operations ("ops").
  const storedSpans = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('spanlight');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('ops').objectStore('ops').getAll();
            request.onsuccess = () => {
              open.result.close();
              const ops = request.result as { annotator: string; op: { span?: { after: { label: string; start: number; end: number } | null } } }[];
              resolve(ops.filter((o) => o.annotator === 'Ada').flatMap((o) => (o.op.span?.after ? [`${o.op.span.after.label} ${o.op.span.after.start}-${o.op.span.after.end}`] : [])));
            };
          };
        }),
    );
  await expect.poll(storedSpans, { timeout: 3000 }).toEqual(['LOCATION 0-4']);
});

test('N pressed while the next document is still opening is not lost, and a label key says it is opening', async ({ page }) => {
  await startAs(page, 'Tom');
  await openDocument(page, KIEV_DOC);
  // Another writer holds the text store for a moment, so the next document's text is read late.
  await holdStore(page, 'texts');
  await page.keyboard.press('n');
  await expect(page.getByText('Opening document…')).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('still opening');
  await page.screenshot({ path: 'tests/screenshots/document-opening.png' });
  await page.keyboard.press('n');
  await storeReleased(page);
  // Two documents on from the Kiev article.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('L’Ukraine a annoncé avoir abattu');
});

test('dialogs keep the focus until closed, and a reload returns to the open document', async ({ page }) => {
  await startAs(page, 'Max');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: 'tests/screenshots/export-dialog.png' });
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.activeElement?.closest('dialog') !== null || document.activeElement === document.body);
    expect(inside).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await openDocument(page, 'Kazakhstan');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kazakhstan');
});

test('a key pressed before the document\'s annotations have loaded is not lost silently', async ({ page }) => {
  await startAs(page, 'Max');
  await openDocument(page, KIEV_DOC);
  // Another writer holds the annotation store for a moment, so the next document's set loads late.
  await holdStore(page, 'annotationSets');
  await page.keyboard.press('n');
  // The next document is open (not merely the previous one gone) before the next key.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NEXT_DOC);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: 'Messages' })).toContainText('still loading');
  // Nothing was marked done and the view did not move on, also once the store is free again.
  await storeReleased(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NEXT_DOC);
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('0 / 5 done');
});
