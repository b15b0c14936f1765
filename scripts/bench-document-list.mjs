// `node scripts/bench-document-list.mjs`: the document list of 10,000 documents annotated by three
// people (alice, bob, gold; 10 spans each), opened in a fresh page and scrolled top to bottom, then
// filtered to the documents with disagreements. Prints open time, scroll time and the longest
// main-thread task of each (target: open and scroll < 200 ms, no task over 50 ms). Run by
// `npm run bench -- --only list`, or alone after `npx vite build`.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { generateArticle } from './bench-data.mjs';

const DOCS = Number(process.env.BENCH_LIST_DOCS ?? 10_000);
const ANNOTATORS = ['alice', 'bob', 'gold'];
/** Measures a build without the team's summaries (main before them), for comparison. */
const BASELINE = process.env.BENCH_LIST_BASELINE === '1';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = await preview({ preview: { port: 4191, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
const url = server.resolvedUrls.local[0];
const override = process.env.SPANLIGHT_CHROMIUM;
const executablePath = override === 'playwright' ? undefined : (override ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined));
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
await context.addInitScript(() => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('nav[aria-label="Documents"] .doc-row')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__listPainted = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
});
const page = await context.newPage();
await page.goto(url);
await page.getByLabel('Your name').fill('bench');
await page.getByRole('button', { name: 'Start annotating' }).click();
await page.getByRole('navigation', { name: 'Documents' }).waitFor();

// The rows the app stores: a document, its text, and per annotator a set row and its head (one in three of bob's differ).
const docs = [];
for (let i = 0; i < DOCS; i++) docs.push(generateArticle({ words: 120, spans: 10, seed: 500 + i, title: `Article ${i} — ${'a long headline '.repeat(1 + (i % 4))}` }));
await page.evaluate(
  async ({ docs, annotators }) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('spanlight');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['documents', 'texts', 'annotationSets', 'heads'], 'readwrite');
    docs.forEach((doc, i) => {
      tx.objectStore('documents').put({ id: doc.id, hash: doc.id, title: doc.title, meta: { title: doc.title }, order: 100 + i, length: doc.text.length, importedAt: 0 });
      tx.objectStore('texts').put({ id: doc.id, text: doc.text });
      for (const annotator of annotators) {
        const spans = doc.spans.map((s, k) => ({ ...s, label: annotator === 'bob' && i % 3 === 0 && k === 1 ? 'COUNT' : s.label, createdBy: annotator }));
        const labels = {};
        for (const s of spans) labels[s.label] = (labels[s.label] ?? 0) + 1;
        tx.objectStore('annotationSets').put({ docId: doc.id, annotator, spans, status: 'done', timeSpentMs: 0, updatedAt: 1, through: 0 });
        tx.objectStore('heads').put({ docId: doc.id, annotator, status: 'done', spans: spans.length, labels, timeSpentMs: 0, updatedAt: 1, lastSeq: 0, through: 0, unfolded: 0, prunedThrough: 0 });
      }
    });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  },
  { docs, annotators: ANNOTATORS },
);

const rows = [];
for (let run = 0; run < 3; run++) {
  const fresh = await context.newPage();
  fresh.on('console', (m) => m.type() === 'error' && console.error('page:', m.text()));
  fresh.on('pageerror', (e) => console.error('page error:', e.message));
  await fresh.goto(url);
  await fresh.waitForFunction(() => window.__listPainted !== undefined, null, { timeout: 60_000 });
  // Everyone's summaries arrive after the first rows: wait until the rows show the team's chips.
  if (!BASELINE) await fresh.locator('nav[aria-label="Documents"] .team-chip').first().waitFor({ timeout: 60_000 });
  const open = await fresh.evaluate(() => ({ painted: window.__listPainted - performance.getEntriesByType('navigation')[0].domInteractive, chips: performance.now() - performance.getEntriesByType('navigation')[0].domInteractive, longest: window.__longest }));
  await fresh.evaluate(() => (window.__longest = 0));
  const scroll = await fresh.evaluate(async () => {
    const scroller = document.querySelector('nav[aria-label="Documents"] .document-list-scroller');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const t0 = performance.now();
    let steps = 0;
    for (; steps < 400 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2; steps++) {
      scroller.scrollTop += 2000;
      await frame();
    }
    return { ms: performance.now() - t0, steps };
  });
  const scrollLongest = await fresh.evaluate(() => window.__longest);
  await fresh.evaluate(() => (window.__longest = 0));
  if (BASELINE) {
    rows.push({ run: run + 1, 'rows painted ms': Math.round(open.painted), 'open: longest task ms': Math.round(open.longest), 'scroll top→bottom ms (frames)': `${Math.round(scroll.ms)} (${scroll.steps})`, 'scroll: longest task ms': Math.round(scrollLongest) });
    await fresh.close();
    continue;
  }
  const t0 = Date.now();
  await fresh.getByLabel('Filter by the team’s work').selectOption({ label: 'Has disagreements' });
  await fresh.locator('nav[aria-label="Documents"] .doc-row').first().waitFor({ timeout: 20_000 }).catch(async (e) => { console.error(await fresh.locator('nav').innerText()); throw e; });
  await fresh.waitForFunction(() => !document.querySelector('nav[aria-label="Documents"] .filter-progress'), null, { timeout: 120_000 });
  const disagreementsMs = Date.now() - t0;
  const disagreementsLongest = await fresh.evaluate(() => window.__longest);
  rows.push({
    run: run + 1,
    'rows painted ms': Math.round(open.painted),
    'everyone’s chips shown ms': Math.round(open.chips),
    'open: longest task ms': Math.round(open.longest),
    [`scroll top→bottom ms (frames)`]: `${Math.round(scroll.ms)} (${scroll.steps})`,
    'scroll: longest task ms': Math.round(scrollLongest),
    'has disagreements ms': disagreementsMs,
    'filter: longest task ms': Math.round(disagreementsLongest),
  });
  await fresh.close();
}
console.log(`document list of ${DOCS.toLocaleString('en')} documents × ${ANNOTATORS.length} annotators (target: open and scroll < 200 ms, no task over 50 ms)`);
console.table(rows);
await browser.close();
await new Promise((resolve) => server.httpServer.close(resolve));
