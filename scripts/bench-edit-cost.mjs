// `node scripts/bench-edit-cost.mjs`: what one span edit costs the storage on a 10-span and a 10,000-span
// annotation set, in the real workbench (headless Chromium): main-thread milliseconds spent handing the
// edit to IndexedDB (the synchronous part of put/add: structured cloning), the bytes handed over (JSON
// size of the written values), and the bytes the browser's processes wrote to disk (/proc/PID/io).
// Not part of `npm test`; run after `npx vite build`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { generateArticle } from './bench-data.mjs';

const EDITS = Number(process.env.EDITS ?? 20);
const server = await preview({ preview: { port: 4191, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
const url = server.resolvedUrls.local[0];
const override = process.env.SPANLIGHT_CHROMIUM;
const executablePath = override === 'playwright' ? undefined : override ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// A profile on disk (Playwright's default contexts keep IndexedDB in memory).
const profile = mkdtempSync(path.join(tmpdir(), 'spanlight-editcost-'));
const context = await chromium.launchPersistentContext(profile, { executablePath, viewport: { width: 1400, height: 900 }, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = context.pages()[0] ?? (await context.newPage());
await page.addInitScript(() => {
  const stats = { syncMs: 0, bytes: 0, calls: 0 };
  window.__idbStats = stats;
  for (const method of ['put', 'add']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (value, key) {
      const t0 = performance.now();
      const request = key === undefined ? original.call(this, value) : original.call(this, value, key);
      stats.syncMs += performance.now() - t0;
      stats.calls++;
      try {
        stats.bytes += JSON.stringify(value, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v) : v)).length;
      } catch {
        /* not JSON-able: not counted */
      }
      return request;
    };
  }
});
await page.goto(url);
await page.getByLabel('Your name').fill('bench');
await page.getByRole('button', { name: 'Start annotating' }).click();
await page.getByRole('navigation', { name: 'Documents' }).waitFor();

const small = generateArticle({ words: 1_000, spans: 10, seed: 3, title: 'EDITCOST ten spans' });
const large = generateArticle({ words: 170_000, spans: 10_000, seed: 2, title: 'EDITCOST ten thousand spans' });
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
    tx.objectStore('annotationSets').put({ docId: doc.id, annotator: 'bench', spans: doc.spans.map((s) => ({ ...s, createdBy: 'bench' })), status: 'in_progress', timeSpentMs: 0, updatedAt: Date.now(), through: 0 });
  });
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}, [small, large]);
await page.reload();

function processTree(root) {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    let out = '';
    try {
      out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pids[i])], { encoding: 'utf8' }).trim();
    } catch {
      /* no children: ps exits 1 */
    }
    if (out) pids.push(...out.split(/\s+/).map(Number));
  }
  return pids;
}

function diskWrites() {
  let total = 0;
  for (const pid of processTree(process.pid).slice(1)) {
    try {
      const io = readFileSync(`/proc/${pid}/io`, 'utf8');
      total += Number(/write_bytes: (\d+)/.exec(io)?.[1] ?? 0) - Number(/cancelled_write_bytes: (\d+)/.exec(io)?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return total;
}

async function tagOnce(i) {
  await page.evaluate((i) => {
    const root = document.querySelector('[aria-label="Document text"]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const plain = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.closest('mark') && /\p{L}{4,}/u.test(n.textContent)) plain.push(n);
    }
    const node = plain[(i * 7) % Math.min(plain.length, 40)];
    const m = /\p{L}{4,}/u.exec(node.textContent);
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', bubbles: true }));
  }, i);
  await page.getByRole('status', { name: 'Save state' }).getByText('All changes saved').waitFor({ timeout: 30_000 });
}

const rows = [];
for (const doc of [small, large]) {
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: doc.title }).first().click();
  await page.getByRole('heading', { level: 1, name: doc.title }).waitFor();
  await page.getByRole('region', { name: 'Spans' }).getByText(String(doc.spans.length), { exact: true }).first().waitFor({ timeout: 60_000 });
  await tagOnce(999); // warm-up: the first edit may create bookkeeping rows
  await page.evaluate(() => Object.assign(window.__idbStats, { syncMs: 0, bytes: 0, calls: 0 }));
  const disk0 = diskWrites();
  for (let i = 0; i < EDITS; i++) await tagOnce(i);
  const disk1 = diskWrites();
  const stats = await page.evaluate(() => window.__idbStats);
  rows.push({
    set: `${doc.spans.length} spans`,
    edits: EDITS,
    'main-thread ms per edit (IDB put/add)': (stats.syncMs / EDITS).toFixed(2),
    'bytes handed to IDB per edit': Math.round(stats.bytes / EDITS),
    'IDB writes per edit': (stats.calls / EDITS).toFixed(1),
    'disk bytes per edit (/proc io)': Math.round((disk1 - disk0) / EDITS),
  });
}
console.table(rows);
await context.close();
rmSync(profile, { recursive: true, force: true });
await new Promise((resolve) => server.httpServer.close(resolve));
