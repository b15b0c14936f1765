import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Driving the workbench in the bench: first start, imports through the Import dialog, opening a
// document (warm: a click; fresh: a new page that boots into it), and span edits timed from the
// key press to the frame that shows them (the app's `spanlight:painted` events).

/**
 * Init script: records every `spanlight:painted` event with its time since the page's time origin,
 * and when the page first opened IndexedDB (the start of "from IndexedDB to painted").
 */
export function recordPaints() {
  window.__paints = [];
  window.addEventListener('spanlight:painted', (e) => window.__paints.push({ kind: e.detail.kind, at: performance.now() }));
  const open = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...args) => {
    window.__idbOpened ??= performance.now();
    return open(...args);
  };
}

/** Answers the first-start question. */
export async function startAs(page, url, name) {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Start annotating' }).click();
  await page.getByRole('navigation', { name: 'Documents' }).waitFor();
}

/** One Spanlight JSONL line for a generated document whose spans belong to `annotator`. */
export function jsonlRecord(doc, annotator) {
  return JSON.stringify({
    text: doc.text,
    spans: doc.spans.map((s) => ({ start: s.start, end: s.end, label: s.label, text: doc.text.slice(s.start, s.end) })),
    _annotator_id: annotator,
    meta: { title: doc.title },
  });
}

/** A JSONL buffer as a file on disk: the browser reads it from there (no copy through the test driver). */
export function jsonlFile(buffer, name = 'bench.jsonl') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlight-bench-'));
  const file = path.join(dir, name);
  writeFileSync(file, buffer);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Imports a JSONL buffer through the Import dialog; returns { parsed, stored } ms (file chosen → preview, click → stored). */
export async function importJsonl(page, buffer, { documents, spans, timeout = 600_000 }) {
  const { file, remove } = jsonlFile(buffer);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  const t0 = Date.now();
  await (await chooser).setFiles(file, { timeout });
  remove();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByText(`${documents} document(s), ${spans} span(s) ready to import.`).waitFor({ timeout });
  const parsed = Date.now() - t0;
  const t1 = Date.now();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').getByText(`Imported ${documents} new document`).waitFor({ timeout });
  return { parsed, stored: Date.now() - t1 };
}

/**
 * Stores a generated document straight into the app's tables (a document row, its text, the
 * annotator's set), as the import would — for a document the import cannot store in reasonable
 * time. Depends on today's schema: if the storage changes, this says so by failing.
 */
export async function seedRaw(page, doc, annotator) {
  await page.evaluate(
    async ({ doc, annotator }) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('spanlight');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['documents', 'texts', 'annotationSets'], 'readwrite');
      tx.objectStore('documents').put({ id: doc.id, hash: doc.id, title: doc.title, meta: { title: doc.title }, order: 1e6, length: doc.text.length, importedAt: Date.now() });
      tx.objectStore('texts').put({ id: doc.id, text: doc.text });
      tx.objectStore('annotationSets').put({ docId: doc.id, annotator, spans: doc.spans, status: 'in_progress', timeSpentMs: 0, updatedAt: Date.now() });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { doc, annotator },
  );
}

/** The list entry of a document, by title. */
function entry(page, title) {
  return page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: title }).first();
}

/** Clicks a document in the list; returns ms from the click to the frame showing its first screen. */
export async function openWarm(page, title) {
  await entry(page, title).waitFor();
  return page.evaluate(async (title) => {
    const button = [...document.querySelectorAll('nav[aria-label="Documents"] button')].find((b) => b.textContent.includes(title));
    if (!button) throw new Error(`no document ${title}`);
    if (button.getAttribute('aria-current') === 'page') throw new Error(`${title} is already open`);
    const painted = new Promise((resolve) => {
      const on = (e) => {
        if (e.detail.kind !== 'document') return;
        window.removeEventListener('spanlight:painted', on);
        resolve(performance.now());
      };
      window.addEventListener('spanlight:painted', on);
    });
    const t0 = performance.now();
    button.click();
    return (await painted) - t0;
  }, title);
}

/**
 * Until the frame showing the first screen of the document the page boots into: ms from its first
 * IndexedDB open (`fromDb`) and from the start of its script, DOM interactive (`fromScript`).
 */
export async function bootTime(page) {
  await page.waitForFunction(() => window.__paints?.some((p) => p.kind === 'document'), null, { timeout: 120_000 });
  return page.evaluate(() => {
    const painted = window.__paints.find((p) => p.kind === 'document').at;
    return { fromDb: painted - window.__idbOpened, fromScript: painted - performance.getEntriesByType('navigation')[0].domInteractive };
  });
}

/** A new page of the same profile (so it boots into the document opened last), with paints recorded. */
export async function freshPage(context, url) {
  const page = await context.newPage();
  await page.bringToFront();
  await page.addInitScript(recordPaints);
  await page.goto(url);
  return page;
}

/**
 * Create (key 1 on a selected word), relabel (click the new highlight, key 2) and delete (Delete) one
 * span, each timed from the key press to the frame showing it. `i` picks the word among those on screen.
 */
export async function editOnce(page, i) {
  return page.evaluate(async (i) => {
    const root = document.querySelector('[aria-label="Document text"]');
    const scroller = root.parentElement.getBoundingClientRect();
    const painted = () =>
      new Promise((resolve) => {
        const on = (e) => {
          if (e.detail.kind !== 'edit') return;
          window.removeEventListener('spanlight:painted', on);
          resolve(performance.now());
        };
        window.addEventListener('spanlight:painted', on);
      });
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    // A person presses the next key after the last edit is stored (a fraction of a second): wait for it.
    const saved = async () => {
      const state = document.querySelector('[role="status"][aria-label="Save state"]');
      for (let i = 0; i < 300 && state && state.textContent !== 'All changes saved'; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const key = async (k, code) => {
      await saved();
      const done = painted();
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, bubbles: true }));
      return (await done) - t0;
    };
    // A plain word on screen.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const words = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('mark')) continue;
      const rect = n.parentElement.getBoundingClientRect();
      if (rect.top < scroller.top + 10 || rect.bottom > scroller.bottom - 10) continue;
      for (const m of n.textContent.matchAll(/\p{L}{5,}/gu)) words.push([n, m.index, m[0]]);
    }
    const [node, at, word] = words[(i * 7) % words.length];
    // (A build from before the windowed view has no block attributes: its paragraphs serve.)
    const block = node.parentElement.closest('[data-block]') ?? node.parentElement.closest('p');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    const where = range.getBoundingClientRect();
    const create = await key('1', 'Digit1');
    // The new highlight: the ACTOR mark on that word nearest to where the word was.
    const distance = (m) => Math.abs(m.getBoundingClientRect().top - where.top) + Math.abs(m.getBoundingClientRect().right - where.right);
    const mark = [...block.querySelectorAll('mark[data-labels="ACTOR"]')].filter((m) => m.textContent === word).sort((a, b) => distance(a) - distance(b))[0];
    if (!mark) throw new Error(`the new span on “${word}” is not painted`);
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await frame();
    const relabel = await key('2', 'Digit2');
    const remove = await key('Delete', 'Delete');
    await frame();
    return { create, relabel, delete: remove };
  }, i);
}
