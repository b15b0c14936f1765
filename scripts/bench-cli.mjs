// CLI convert throughput and memory: generates a 100,000-record Spanlight JSONL (and a 10,000-record
// one, and one record of 50 MB) in the system temp folder, runs `spanlight convert --to doccano` and
// `--to conll` through the compiled CLI (dist-electron, rebuilt first when older than the sources;
// else tsx), several times, and prints
// a table of records/s and peak RSS (getrusage of the child via /usr/bin/time when present, else
// VmHWM sampled from /proc). Also writes the rows to .bench/cli.json as [{name, target, median, p95,
// pass}] for `npm run bench` to merge. Not part of `npm test`.
//   SPANLIGHT_BENCH_RECORDS (default 100000), SPANLIGHT_BENCH_RUNS (default 3, at least 3).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RECORDS = Number(process.env.SPANLIGHT_BENCH_RECORDS ?? 100_000);
const RUNS = Math.max(3, Number(process.env.SPANLIGHT_BENCH_RUNS ?? 3));

const WORDS = ['les', 'forces', 'ont', 'frappé', 'la', 'ville', 'de', 'avec', 'des', 'drones', 'selon', 'le', 'communiqué', 'missiles', 'au', 'nord', 'près', 'pont', 'dépôt', 'matin'];
const PLACES = ['Kharkiv', 'Odesa', 'Kherson', 'Lviv', 'Dnipro', 'Zaporijjia'];

/** One record of about 600 characters with 4 spans (one in five holds an emoji before its spans end). */
function record(i) {
  let text = '';
  const spans = [];
  const add = (s, label) => {
    const start = [...text].length;
    text += s;
    if (label) spans.push({ start, end: start + [...s].length, label, text: s });
  };
  add(`Les forces russes`, 'ACTOR');
  add(' ont frappé ');
  add(PLACES[i % PLACES.length], 'LOCATION');
  add(i % 5 === 0 ? ' 🚀 avec ' : ' avec ');
  add(String((i % 90) + 2), 'COUNT');
  add(' ');
  add('drones', 'WEAPON');
  add('. ');
  for (let w = 0; w < 80; w++) add(`${WORDS[(i * 7 + w * 3) % WORDS.length]}${w % 13 === 12 ? '. ' : ' '}`);
  return JSON.stringify({ text, spans, meta: { id: `bench-${i}` }, _annotator_id: 'bench', answer: 'accept' });
}

async function generate(file, records) {
  const out = createWriteStream(file);
  for (let i = 0; i < records; i++) if (!out.write(`${record(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** One record whose text is about 50 MB, with 10,000 spans. */
function generateHuge(file) {
  const words = ['les', 'forces', 'ont', 'frappé', 'la', 'ville', 'de', 'Kharkiv', 'avec', 'drones', '.'];
  const parts = [];
  const spans = [];
  let length = 0;
  for (let i = 0; length < 50e6; i++) {
    const w = words[i % words.length];
    if (w === 'Kharkiv' && spans.length < 10_000) spans.push({ start: length, end: length + 7, label: 'LOCATION', text: w });
    parts.push(w);
    length += w.length + 1;
  }
  writeFileSync(file, `${JSON.stringify({ text: parts.join(' '), spans, meta: { id: 'huge' } })}\n`);
}

/** Newest modification time of the .ts files under `dir`. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

async function cliCommand() {
  const compiled = path.join(root, 'dist-electron/electron/cli/main.js');
  if (existsSync(compiled)) {
    // The compiled CLI is what users run (bin/spanlight.mjs): measure it as the sources are now, never a stale build.
    if (Math.max(newestSource(path.join(root, 'electron')), newestSource(path.join(root, 'core'))) > statSync(compiled).mtimeMs) {
      console.log('dist-electron is older than the sources: rebuilding it (npm run build:electron)…');
      const { buildElectron } = await import('./build-electron.mjs');
      await buildElectron();
    }
    return { label: 'compiled (dist-electron)', args: [compiled] };
  }
  const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  return { label: 'tsx (run `npm run build:electron` for the compiled CLI)', args: ['--import', tsx, path.join(root, 'electron/cli/main.ts')] };
}

function vmHwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs the CLI; returns seconds and peak RSS in MB. */
async function runConvert(cli, input, to, output, extra = [], nodeArgs = []) {
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const argv = [...nodeArgs, ...cli.args, 'convert', input, '--to', to, '--out', output, ...extra];
  const [cmd, args] = time ? [time, ['-f', 'SPANLIGHT_MAXRSS_KB=%M', process.execPath, ...argv]] : [process.execPath, argv];
  const started = process.hrtime.bigint();
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let peakKb = 0;
  const sampler = time ? null : setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(child.pid))), 20);
  const [code] = await once(child, 'close');
  if (sampler) clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`convert --to ${to} exited ${code}:\n${stderr}`);
  const m = /SPANLIGHT_MAXRSS_KB=(\d+)/.exec(stderr);
  if (m) peakKb = Number(m[1]);
  rmSync(output, { recursive: true, force: true });
  return { seconds, peakMb: peakKb / 1024 };
}

/** The value at quantile `q` (0..1) of numbers, nearest rank. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const rows = [];
/** A row of the table: `better` says which way is good; p95 is the worst 5 % end. */
function row(name, target, values, better, pass) {
  const median = quantile(values, 0.5);
  const p95 = better === 'higher' ? quantile(values, 0.05) : quantile(values, 0.95);
  rows.push({ name, target, median: Math.round(median * 10) / 10, p95: Math.round(p95 * 10) / 10, pass: pass(median) });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlight-bench-cli-'));
try {
  const input = path.join(dir, 'bench.jsonl');
  const small = path.join(dir, 'bench-10k.jsonl');
  const huge = path.join(dir, 'huge.jsonl');
  console.log(`spanlight CLI bench: generating ${RECORDS.toLocaleString('en')} records, 10,000 records and one 50 MB record…`);
  await generate(input, RECORDS);
  await generate(small, Math.min(10_000, RECORDS));
  generateHuge(huge);
  const mb = statSync(input).size / 1e6;
  const cli = await cliCommand();
  console.log(`input ${mb.toFixed(1)} MB, CLI ${cli.label}, ${RUNS} runs each, ${os.availableParallelism()} cores`);
  for (const [to, target] of [['doccano', 100_000], ['conll', 50_000]]) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await runConvert(cli, input, to, path.join(dir, `out.${to}`)));
    // Flat memory, shown under a 48 MB JavaScript heap (a conversion that held records would fail there):
    // the large input's peak within 30 MB of the 10,000-record one's.
    const capped = ['--max-old-space-size=48'];
    const smallRuns = [];
    const cappedRuns = [];
    for (let r = 0; r < RUNS; r++) {
      smallRuns.push(await runConvert(cli, small, to, path.join(dir, `out-small.${to}`), [], capped));
      cappedRuns.push(await runConvert(cli, input, to, path.join(dir, `out-capped.${to}`), [], capped));
    }
    row(`CLI ${RECORDS.toLocaleString('en')} records → ${to} (records/s)`, `≥ ${target.toLocaleString('en')}`, runs.map((x) => RECORDS / x.seconds), 'higher', (v) => v >= target);
    row(`CLI ${RECORDS.toLocaleString('en')} records → ${to}, peak RSS (MB)`, 'flat', runs.map((x) => x.peakMb), 'lower', () => true);
    const growth = cappedRuns.map((x, i) => x.peakMb - smallRuns[i].peakMb);
    row(`CLI → ${to}, 48 MB heap: peak RSS growth from 10,000 to ${RECORDS.toLocaleString('en')} records (MB)`, '< 30', growth, 'lower', (v) => v < 30);
  }
  for (const to of ['doccano', 'conll']) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await runConvert(cli, huge, to, path.join(dir, `huge.${to}`), ['--from', 'spanlight']));
    row(`CLI one 50 MB record → ${to}, peak RSS (MB)`, '≤ 1024', runs.map((x) => x.peakMb), 'lower', (v) => v <= 1024);
    row(`CLI one 50 MB record → ${to} (s)`, 'completes', runs.map((x) => x.seconds), 'lower', () => true);
  }
  console.table(rows.map((r) => ({ row: r.name, target: r.target, median: r.median, p95: r.p95, pass: r.pass ? 'pass' : 'MISS' })));
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  writeFileSync(path.join(root, '.bench/cli.json'), `${JSON.stringify(rows, null, 2)}\n`);
  console.log('rows written to .bench/cli.json');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
