// Agreement benchmark: 10,000 generated articles × 3 annotators (about 100,000 spans each), every
// figure of the agreement report, in Node and in the app's web worker (headless Chromium). The
// engine and the worker are bundled with esbuild (as build-electron.mjs bundles the preload).
// `node scripts/bench-agreement.mjs` prints the table; `scripts/bench.mjs` calls benchAgreement().
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { agreementCorpus } from './bench-agreement-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_MS = 1000;
const ORIGIN = 'http://bench.spanlight.local';

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function row(name, target, times) {
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  return { name, target, median: Math.round(median), p95: Math.round(p95), pass: p95 < target };
}

async function bundle(entry, platform, format = 'esm') {
  const result = await build({
    absWorkingDir: root,
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { ...entry, resolveDir: root, loader: 'ts' } }),
    bundle: true,
    format,
    platform,
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** Median and p95 of `runs` agreement computations in Node. */
async function nodeRows(runs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlight-bench-agreement-'));
  try {
    const file = path.join(dir, 'engine.mjs');
    writeFileSync(file, await bundle('core/agreement/engine.ts', 'node'));
    const { computeAgreement } = await import(pathToFileURL(file).href);
    const input = agreementCorpus();
    const time = (options) => {
      const times = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        computeAgreement(input, options);
        times.push(performance.now() - t0);
      }
      return times;
    };
    // As the CLI asks: every figure, documents ranked by their number of disagreements.
    const light = { disagreementUnits: false };
    const t0 = performance.now();
    const report = computeAgreement(input, light);
    const cold = performance.now() - t0;
    const counts = time(light);
    const full = time({});
    const spans = input.sets.reduce((n, s) => n + s.spans.length, 0);
    return {
      rows: [
        row('agreement, Node, first run in the process (as one CLI call)', TARGET_MS, [cold]),
        row('agreement, Node: every figure, documents ranked (as the CLI)', TARGET_MS, counts),
        row('agreement, Node: full report (every disagreement unit listed)', TARGET_MS, full),
      ],
      corpus: `${input.documents.length} documents, ${report.annotators.length} annotators, ${spans} spans (${Math.round(spans / report.annotators.length)} per annotator)`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PAGE = `
import { agreementCorpus } from './scripts/bench-agreement-data.mjs';
import { createAgreementClient } from './renderer/workers/agreement-client.ts';
let longest = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); }).observe({ type: 'longtask' });
const pause = () => new Promise((r) => setTimeout(r, 200));

/** Sends the corpus, as a view that read it from the database would; the page keeps no reference to it. */
async function send(client) {
  const { documents, sets } = agreementCorpus();
  await pause();
  longest = 0;
  const t0 = performance.now();
  await client.setDocuments(documents);
  await client.setSets(sets);
  return { send: performance.now() - t0, sendBlock: longest };
}

window.runBench = async (runs) => {
  const client = createAgreementClient(() => new Worker('/agreement.worker.js', { type: 'module' }));
  const { send: sent, sendBlock } = await send(client);
  // The generated corpus is garbage now: collect it before measuring (Chromium runs with --expose-gc).
  globalThis.gc?.();
  await pause();
  longest = 0;
  const times = [];
  let progress = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await client.agreement({ disagreementUnits: true }, () => progress++);
    times.push(performance.now() - t);
  }
  const runBlock = longest;
  longest = 0;
  const light = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await client.agreement();
    light.push(performance.now() - t);
  }
  client.terminate();
  return { send: sent, sendBlock, times, runBlock, light, lightBlock: longest, progress };
};
`;

/** The same in the app's agreement worker in headless Chromium, documents sent once. */
async function workerRows(runs) {
  const worker = await bundle('renderer/workers/agreement.worker.ts', 'browser');
  const page = await bundle({ contents: PAGE, sourcefile: 'bench-page.ts' }, 'browser');
  const override = process.env.SPANLIGHT_CHROMIUM;
  const executablePath = override === 'playwright' ? undefined : override ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'] });
  try {
    const context = await browser.newContext();
    await context.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/agreement.worker.js') return route.fulfill({ contentType: 'text/javascript', body: worker });
      if (url.pathname === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: page });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/page.js"></script>' });
    });
    const tab = await context.newPage();
    await tab.goto(`${ORIGIN}/`);
    await tab.waitForFunction(() => typeof window.runBench === 'function');
    const result = await tab.evaluate((n) => window.runBench(n), runs);
    const block = (name, ms) => ({ name, target: 100, median: Math.round(ms), p95: Math.round(ms), pass: ms < 100 });
    return [
      row('agreement, web worker (the app): every figure, documents ranked', TARGET_MS, result.light),
      block('  longest main-thread task meanwhile (ms)', result.lightBlock),
      row('agreement, web worker: every disagreement unit listed too', TARGET_MS, result.times),
      block('  longest main-thread task meanwhile (ms)', result.runBlock),
      row('web worker: sending the documents (tokenized there, once) and the sets', 3 * TARGET_MS, [result.send]),
      block('  longest main-thread task meanwhile (ms)', result.sendBlock),
    ];
  } finally {
    await browser.close();
  }
}

/** Rows `{name, target, median, p95, pass}` (milliseconds) of the agreement benchmark; median and p95 over `runs` runs. */
export async function benchAgreement({ runs = 5 } = {}) {
  const node = await nodeRows(runs);
  const worker = await workerRows(runs);
  console.log(`agreement corpus: ${node.corpus}`);
  return [...node.rows, ...worker];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.table(await benchAgreement());
}
