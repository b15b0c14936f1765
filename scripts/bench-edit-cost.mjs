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
// The documents come in the way a person brings them: a Spanlight JSONL through the Import dialog.
const jsonl = [small, large]
  .map((doc) => JSON.stringify({ text: doc.text, spans: doc.spans.map((s) => ({ start: s.start, end: s.end, label: s.label, text: doc.text.slice(s.start, s.end) })), _annotator_id: 'bench', meta: { title: doc.title } }))
  .join('\n');
const chooser = page.waitForEvent('filechooser');
await page.getByRole('button', { name: 'Import files…' }).click();
await (await chooser).setFiles({ name: 'editcost.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${jsonl}\n`) });
await page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Import', exact: true }).click();
await page.getByRole('status', { name: 'Messages' }).getByText('Imported 2 new documents').waitFor({ timeout: 120_000 });

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

/** Selects the `i`-th untagged word near the top of the open document, presses the ACTOR key, and waits until the app says it is saved. */
async function tagOnce(i) {
  await page.evaluate((i) => {
    const text = document.querySelector('[aria-label="Document text"]');
    const candidates = [];
    const walk = document.createTreeWalker(text, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement.closest('mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    while (walk.nextNode() && candidates.length < 40) {
      const word = /\p{L}{4,}/u.exec(walk.currentNode.textContent);
      if (word) candidates.push([walk.currentNode, word.index, word.index + word[0].length]);
    }
    const [node, from, to] = candidates[(i * 7) % candidates.length];
    const selection = window.getSelection();
    selection.setBaseAndExtent(node, from, node, to);
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
