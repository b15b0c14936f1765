// `npm run bench`: opens generated documents in the real workbench (headless Chromium) and prints a
// table of open-and-paint and key-press-to-painted-highlight times. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { generateArticle } from './bench-data.mjs';

const RUNS_OPEN = 5;
const RUNS_TAG = 40;
const CORPUS_DOCS = 10_000;
const CORPUS_SPANS = 100_000;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await preview({ preview: { port: 4190, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
const url = server.resolvedUrls.local[0];
const override = process.env.SPANLIGHT_CHROMIUM;
const executablePath = override === 'playwright' ? undefined : override ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(url);
await page.getByLabel('Your name').fill('bench');
await page.getByRole('button', { name: 'Start annotating' }).click();
await page.getByRole('navigation', { name: 'Documents' }).waitFor();

const typical = generateArticle({ words: 1_000, spans: 50, seed: 1, title: 'BENCH typical article' });
const long = generateArticle({ words: 170_000, spans: 10_000, seed: 2, title: 'BENCH long document' });

// Store the generated documents the way the app does (document row, text row, one annotation set).
await page.evaluate(async (docs) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('spanlight');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction(['documents', 'texts', 'annotationSets'], 'readwrite');
  docs.forEach((doc, i) => {
    tx.objectStore('documents').put({ id: doc.id, hash: doc.id, title: doc.title, meta: { title: doc.title }, order: 1000 + i, length: doc.text.length, importedAt: Date.now() });
    tx.objectStore('texts').put({ id: doc.id, text: doc.text });
    tx.objectStore('annotationSets').put({ docId: doc.id, annotator: 'bench', spans: doc.spans, status: 'in_progress', timeSpentMs: 0, updatedAt: Date.now() });
  });
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}, [typical, long]);
await page.reload();
// The list fills once the project is read: wait for the documents the bench opens, not just the list.
for (const title of ['Kiev [Ukraine]', typical.title, long.title]) {
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: title }).first().waitFor();
}

async function openAndPaint(title) {
  return page.evaluate(async (title) => {
    const complete = new Promise((resolve) => {
      const on = (e) => {
        if (e.detail.kind !== 'complete') return;
        window.removeEventListener('spanlight:painted', on);
        resolve(performance.now());
      };
      window.addEventListener('spanlight:painted', on);
    });
    const button = [...document.querySelectorAll('nav[aria-label="Documents"] button')].find((b) => b.textContent.includes(title));
    if (!button) throw new Error(`no document ${title}`);
    // Already open (the first document opens on start): clicking it paints nothing.
    if (button.getAttribute('aria-current') === 'page') return null;
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
    const first = (await painted) - t0;
    return { first, complete: (await complete) - t0 };
  }, title);
}

async function tagOnce(i) {
  return page.evaluate(async (i) => {
    const root = document.querySelector('[aria-label="Document text"]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const plain = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest('mark') && /\p{L}{4,}/u.test(n.textContent)) plain.push(n);
    }
    // Pick text near the top so the highlight is on screen.
    const node = plain[(i * 7) % Math.min(plain.length, 40)];
    const m = /\p{L}{4,}/u.exec(node.textContent);
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    const painted = new Promise((resolve) => {
      const on = (e) => {
        if (e.detail.kind !== 'edit') return;
        window.removeEventListener('spanlight:painted', on);
        resolve(performance.now());
      };
      window.addEventListener('spanlight:painted', on);
    });
    const t0 = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true }));
    return (await painted) - t0;
  }, i);
}

/** Imports 10,000 generated articles with 100,000 spans through the Import dialog, then exports them as JSONL. */
async function corpusBench() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const p = await context.newPage();
  await p.goto(url);
  // The longest main-thread block while work runs: above ~100 ms the window stops answering clicks and progress bars freeze.
  await p.evaluate(() => {
    window.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const longestTask = () => p.evaluate(() => Math.round(window.__longestTask));
  const resetLongestTask = () => p.evaluate(() => (window.__longestTask = 0));
  await p.getByLabel('Your name').fill('bench');
  await p.getByRole('button', { name: 'Start annotating' }).click();
  await p.getByRole('navigation', { name: 'Documents' }).waitFor();
  const lines = [];
  for (let i = 0; i < CORPUS_DOCS; i++) {
    const doc = generateArticle({ words: 300, spans: CORPUS_SPANS / CORPUS_DOCS, seed: 100 + i, title: `Corpus article ${i}` });
    lines.push(JSON.stringify({ text: doc.text, spans: doc.spans.map((s) => ({ start: s.start, end: s.end, label: s.label, text: doc.text.slice(s.start, s.end) })), _annotator_id: 'bench', meta: { title: doc.title } }));
  }
  const buffer = Buffer.from(lines.join('\n') + '\n');
  const chooser = p.waitForEvent('filechooser');
  await p.getByRole('button', { name: 'Import files…' }).click();
  const t0 = Date.now();
  await (await chooser).setFiles({ name: 'corpus.jsonl', mimeType: 'application/jsonl', buffer });
  // Playwright builds the 29 MB File inside the page (base64 decode): a multi-second task that is not the app's.
  await resetLongestTask();
  const dialog = p.getByRole('dialog', { name: 'Import' });
  await dialog.getByText(`${CORPUS_DOCS} document(s), ${CORPUS_SPANS} span(s) ready to import.`).waitFor({ timeout: 120_000 });
  const parsed = Date.now() - t0;
  const parseBlock = await longestTask();
  const t1 = Date.now();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await p.getByRole('status').getByText(`Imported ${CORPUS_DOCS} new documents`).waitFor({ timeout: 300_000 });
  const stored = Date.now() - t1;
  await p.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = p.getByRole('dialog', { name: 'Export annotations' });
  await exportDialog.getByLabel('Annotator').selectOption('bench');
  await exportDialog.getByRole('radio', { name: 'All documents, unfinished ones included' }).check();
  const downloading = p.waitForEvent('download', { timeout: 300_000 });
  await resetLongestTask();
  const t2 = Date.now();
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await downloading;
  const exported = Date.now() - t2;
  const exportBlock = await longestTask();
  const memory = await p.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  await context.close();
  return {
    corpus: `${CORPUS_DOCS} articles, ${CORPUS_SPANS} spans (${(buffer.length / 1e6).toFixed(1)} MB JSONL)`,
    'import: read+preview ms': parsed,
    'import: longest UI block ms': parseBlock,
    'import: store ms': stored,
    'JSONL export ms': exported,
    'export: longest UI block ms': exportBlock,
    'JS heap after MB': memory === null ? 'n/a' : (memory / 1e6).toFixed(0),
  };
}

// `npm run bench -- --only documents` or `--only corpus` runs one table.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const rows = [];
for (const doc of only === 'corpus' ? [] : [typical, long]) {
  const opens = [];
  const completes = [];
  for (let r = 0; r < RUNS_OPEN; r++) {
    await openAndPaint('Kiev [Ukraine]');
    const open = await openAndPaint(doc.title);
    if (!open) throw new Error(`${doc.title} was already open: the bench opens another document first`);
    opens.push(open.first);
    completes.push(open.complete);
  }
  const tags = [];
  for (let i = 0; i < RUNS_TAG; i++) tags.push(await tagOnce(i));
  rows.push({
    document: `${doc.title.replace('BENCH ', '')} (${(doc.text.length / 1e6).toFixed(2)} MB, ${doc.words} words, ${doc.spans.length} spans)`,
    'open+paint median ms': percentile(opens, 50).toFixed(1),
    'open+paint p95 ms': percentile(opens, 95).toFixed(1),
    'whole doc painted median ms': percentile(completes, 50).toFixed(0),
    'key→painted median ms': percentile(tags, 50).toFixed(1),
    'key→painted p95 ms': percentile(tags, 95).toFixed(1),
  });
}
if (rows.length) console.table(rows);
if (only !== 'documents') console.table([await corpusBench()]);
await browser.close();
await new Promise((resolve) => server.httpServer.close(resolve));
if (!only || only === 'cli') spawnSync(process.execPath, ['scripts/bench-cli.mjs'], { stdio: 'inherit' });
if (!only || only === 'storage') spawnSync(process.execPath, ['scripts/bench-edit-cost.mjs'], { stdio: 'inherit' });
