// `npm run bench`: every row of issue #11's target table — target, median, p95, pass or miss — measured
// in headless Chromium on the built workbench (fresh pages and warm), against a naive Lexical view
// built as a separate bench-only page (bench/naive, never in the app bundle) in the same run. Writes
// bench-results.json (git-ignored). Rows owned by other scripts are merged when those scripts exist:
// scripts/bench-cli.mjs (writes .bench/cli.json) and scripts/bench-agreement.mjs (benchAgreement()).
// `npm run bench -- --only documents,huge,corpus,agreement,cli,storage,list` runs some sections; see docs/editor.md. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { documentRows, hugeDocumentRows } from '../bench/documents.mjs';
import { corpusRows } from '../bench/corpus.mjs';
import { notMeasured, printRows, writeResults } from '../bench/rows.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = path.join(root, '.bench/site');
const only = process.argv.includes('--only') ? new Set(process.argv[process.argv.indexOf('--only') + 1].split(',')) : null;
const runs = (section) => !only || only.has(section);
const started = Date.now();

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Rows of a section, or the section's failure written into its rows. */
async function section(name, fallbackRows, measure) {
  if (!runs(name)) return [];
  console.log(`bench: ${name}…`);
  try {
    return await measure();
  } catch (error) {
    console.error(`bench: ${name} failed:`, error);
    return fallbackRows.map(([rowName, target]) => notMeasured(rowName, target, `failed: ${String(error?.message ?? error).split('\n')[0]}`));
  }
}

// The app and the naive page are built side by side into .bench/site: one origin, two pages.
// `--app-site DIR` takes an app built elsewhere (another commit, for a before/after table).
const appSite = process.argv.includes('--app-site') ? path.resolve(process.argv[process.argv.indexOf('--app-site') + 1]) : null;
rmSync(SITE, { recursive: true, force: true });
if (appSite) cpSync(appSite, SITE, { recursive: true });
else run('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', SITE, '--emptyOutDir']);
run('npx', ['vite', 'build', '--config', 'bench/vite.naive.config.ts']);

const server = await preview({ root: path.join(root, 'renderer'), build: { outDir: SITE }, preview: { port: 4190, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
const url = server.resolvedUrls.local[0];
const override = process.env.SPANLIGHT_CHROMIUM;
const executablePath = override === 'playwright' ? undefined : override ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
});
const context = { browser, url };
const rows = [];
rows.push(...(await section('documents', [['open documents, key → painted, scrolling', 'see issue #11']], () => documentRows(context))));
rows.push(...(await section('huge', [['100,000 spans or 50 MB in one document', 'opens < 2 s, no task over 200 ms']], () => hugeDocumentRows(context))));
rows.push(...(await section('corpus', [['corpus import, export, document list, memory', 'see issue #11']], () => corpusRows(context))));
await browser.close();
await new Promise((resolve) => server.httpServer.close(resolve));

const AGREEMENT = [['agreement over 3 annotators (10,000 articles)', '< 1 s']];
rows.push(
  ...(await section('agreement', AGREEMENT, async () => {
    const script = path.join(root, 'scripts/bench-agreement.mjs');
    if (!existsSync(script)) return AGREEMENT.map(([name, target]) => notMeasured(name, target, 'not measured (scripts/bench-agreement.mjs is missing)'));
    const { benchAgreement } = await import(pathToFileURL(script).href);
    return benchAgreement();
  })),
);

const CLI = [
  ['CLI 100k records → doccano', '≥ 100k records/s'],
  ['CLI 100k records → CoNLL', '≥ 50k records/s'],
  ['CLI memory over 100k records', 'flat'],
  ['CLI one huge record', 'within about 1 GB'],
];
rows.push(
  ...(await section('cli', CLI, async () => {
    const script = path.join(root, 'scripts/bench-cli.mjs');
    const results = path.join(root, '.bench/cli.json');
    if (!existsSync(script)) return CLI.map(([name, target]) => notMeasured(name, target, 'not measured (scripts/bench-cli.mjs is missing)'));
    mkdirSync(path.dirname(results), { recursive: true });
    run(process.execPath, [script]);
    if (!existsSync(results) || statSync(results).mtimeMs < started) return CLI.map(([name, target]) => notMeasured(name, target, 'not measured (scripts/bench-cli.mjs wrote no .bench/cli.json)'));
    return JSON.parse(readFileSync(results, 'utf8'));
  })),
);

// Sections with tables of their own, printed before the summary: one edit's cost to storage
// (scripts/bench-edit-cost.mjs) and the team's document list of 10,000 (scripts/bench-document-list.mjs).
if (runs('storage') || runs('list')) run('npx', ['vite', 'build', '--logLevel', 'error']);
if (runs('storage')) run(process.execPath, ['scripts/bench-edit-cost.mjs']);
if (runs('list')) run(process.execPath, ['scripts/bench-document-list.mjs', '--no-build']);

printRows(rows);
writeResults(path.join(root, 'bench-results.json'), rows);
console.log('Written to bench-results.json.');
