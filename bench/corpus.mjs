// Corpus rows: 10,000 articles with 100,000 spans imported through the Import dialog (beside a raw
// IndexedDB bulk write of the same rows), exported as JSONL, the document list of 10,000 opened in a
// fresh page and scrolled, and the renderer memory left after that work, after garbage collection.
import { generateArticle } from '../scripts/bench-data.mjs';
import { jsonlFile, jsonlRecord, startAs } from './app-page.mjs';
import { row } from './rows.mjs';
import { cpuNote, withLongestTask } from './trace.mjs';

const CORPUS_DOCS = 10_000;
const CORPUS_SPANS = 100_000;

/** Longest task while `work` runs, from the Long Tasks API (the import runs long; a trace of it would be huge). */
async function withLongTasks(page, work) {
  await page.evaluate(() => {
    window.__longest = 0;
    window.__longObserver?.disconnect();
    window.__longObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    });
    window.__longObserver.observe({ type: 'longtask' });
  });
  const result = await work(() => page.evaluate(() => (window.__longest = 0)));
  return { result, longest: await page.evaluate(() => window.__longest) };
}

/** Writes the same rows the import stores (a document, a text and a set per article) straight into a scratch IndexedDB, in one strict transaction. */
async function rawBulkWrite(page, docs) {
  return page.evaluate(async (docs) => {
    const name = 'spanlight-raw-bulk-bench';
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('documents', { keyPath: 'id' });
      open.result.createObjectStore('texts', { keyPath: 'id' });
      open.result.createObjectStore('annotationSets', { keyPath: ['docId', 'annotator'] });
    };
    const db = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const t0 = performance.now();
    const tx = db.transaction(['documents', 'texts', 'annotationSets'], 'readwrite', { durability: 'strict' });
    docs.forEach((doc, i) => {
      tx.objectStore('documents').put({ id: doc.id, hash: doc.id, title: doc.title, meta: { title: doc.title }, order: i, length: doc.text.length, importedAt: Date.now() });
      tx.objectStore('texts').put({ id: doc.id, text: doc.text });
      tx.objectStore('annotationSets').put({ docId: doc.id, annotator: 'bench', spans: doc.spans, status: 'in_progress', timeSpentMs: 0, updatedAt: Date.now() });
    });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - t0;
    db.close();
    await new Promise((resolve) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = del.onerror = del.onblocked = resolve;
    });
    return ms;
  }, docs);
}

/** Fresh page: ms from script start until the document list's rows are painted. */
async function listOpenTime(context, url) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('nav[aria-label="Documents"] .doc-row')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (window.__listPainted = performance.now()), 0));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__listPainted !== undefined, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__listPainted - performance.getEntriesByType('navigation')[0].domInteractive);
  return { page, ms };
}

/** Scrolls the document list from top to bottom in big steps, one per frame. */
async function scrollList(page) {
  await page.evaluate(async () => {
    const scroller = document.querySelector('nav[aria-label="Documents"] .document-list-scroller');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    scroller.scrollTop = 0;
    for (let i = 0; i < 150 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2; i++) {
      scroller.scrollTop += 4000;
      await frame();
    }
  });
}

/** Renderer heap in use after a full garbage collection, in MB. */
async function retainedHeapMb(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1e6;
}

/** Corpus, document list and memory rows. */
export async function corpusRows({ browser, url }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await startAs(page, url, 'bench');
  const docs = [];
  for (let i = 0; i < CORPUS_DOCS; i++) docs.push(generateArticle({ words: 300, spans: CORPUS_SPANS / CORPUS_DOCS, seed: 100 + i, title: `Corpus article ${i}` }));
  const raw = await rawBulkWrite(page, docs);
  const buffer = Buffer.from(docs.map((d) => jsonlRecord(d, 'bench')).join('\n') + '\n');
  const { file, remove } = jsonlFile(buffer, 'corpus.jsonl');
  const imported = await withLongTasks(page, async (reset) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files…' }).click();
    await reset();
    const t0 = Date.now();
    await (await chooser).setFiles(file, { timeout: 300_000 });
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByText(`${CORPUS_DOCS} document(s), ${CORPUS_SPANS} span(s) ready to import.`).waitFor({ timeout: 300_000 });
    const parsed = Date.now() - t0;
    const t1 = Date.now();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByText(`Imported ${CORPUS_DOCS} new documents`).waitFor({ timeout: 600_000 });
    return { parsed, stored: Date.now() - t1 };
  });
  remove();
  const total = imported.result.parsed + imported.result.stored;
  const importRow = row(`corpus import (${CORPUS_DOCS.toLocaleString('en')} articles, ${CORPUS_SPANS.toLocaleString('en')} spans, ${(buffer.length / 1e6).toFixed(0)} MB JSONL)`, '< 5 s, or ≤ 1.25 × a raw IndexedDB bulk write', [total], {
    limit: Math.max(5000, raw * 1.25),
    note: `read+preview ${imported.result.parsed} ms + store ${imported.result.stored} ms; raw bulk write of the same rows ${Math.round(raw)} ms`,
  });
  const rows = [importRow, row('corpus import: longest main-thread task', '< 100 ms', [imported.longest], { limit: 100, on: 'p95', note: 'Long Tasks API (tasks ≥ 50 ms)' })];

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByLabel('Annotator').selectOption('bench');
  await dialog.getByRole('radio', { name: 'All documents, unfinished ones included' }).check();
  const exported = await withLongTasks(page, async (reset) => {
    await reset();
    const downloading = page.waitForEvent('download', { timeout: 600_000 });
    const t0 = Date.now();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await downloading;
    return Date.now() - t0;
  });
  rows.push(row('corpus JSONL export', '< 3 s', [exported.result], { limit: 3000 }));
  rows.push(row('corpus JSONL export: longest main-thread task', '< 100 ms', [exported.longest], { limit: 100, on: 'p95', note: 'Long Tasks API (tasks ≥ 50 ms)' }));

  const opens = [];
  let listPage = null;
  for (let r = 0; r < 3; r++) {
    const { page: p, ms } = await listOpenTime(context, url);
    opens.push(ms);
    if (listPage) await listPage.close();
    listPage = p;
  }
  rows.push(row('document list of 10,000: open (fresh page)', '< 200 ms', opens, { limit: 200, note: 'script start → list rows painted' }));
  const scrolls = [];
  const cpu = [];
  await listPage.bringToFront();
  for (let r = 0; r < 3; r++) {
    const traced = await withLongestTask(browser, listPage, () => scrollList(listPage));
    scrolls.push(traced.longest);
    cpu.push(traced.longestCpu);
  }
  rows.push(row('document list of 10,000: scroll, longest main-thread task', '< 50 ms', scrolls, { limit: 50, on: 'p95', note: cpuNote(cpu) }));
  await listPage.close();
  await page.bringToFront();

  rows.push(row('renderer memory retained after corpus work (after GC)', '< 200 MB', [await retainedHeapMb(context, page)], { limit: 200, unit: 'MB', note: 'import + export in this page, then HeapProfiler.collectGarbage and Runtime.getHeapUsage' }));
  await context.close();
  return rows;
}
