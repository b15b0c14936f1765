// CLI convert throughput: generates a 100,000-record Spanlight JSONL in the system temp folder, runs
// `spanlight convert --to doccano` and `--to conll` through the compiled CLI (dist-electron, when
// built) or tsx, and prints records/s, MB/s and peak RSS (getrusage of the child, via /usr/bin/time
// when present, else VmHWM sampled from /proc). Not part of `npm test`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RECORDS = Number(process.env.SPANLIGHT_BENCH_RECORDS ?? 100_000);

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

async function generate(file) {
  const out = createWriteStream(file);
  for (let i = 0; i < RECORDS; i++) if (!out.write(`${record(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function cliCommand() {
  const compiled = path.join(root, 'dist-electron/electron/cli/main.js');
  if (existsSync(compiled)) return { label: 'compiled (dist-electron)', args: [compiled] };
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
async function runConvert(cli, input, to, output) {
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const argv = [...cli.args, 'convert', input, '--to', to, '--out', output];
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
  const summary = stderr.split('\n').find((l) => l.startsWith('converted')) ?? '';
  return { seconds, peakMb: peakKb / 1024, summary };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlight-bench-cli-'));
try {
  const input = path.join(dir, 'bench.jsonl');
  console.log(`spanlight CLI bench: generating ${RECORDS.toLocaleString('en')} records…`);
  await generate(input);
  const mb = statSync(input).size / 1e6;
  const cli = cliCommand();
  console.log(`input ${mb.toFixed(1)} MB, CLI ${cli.label}`);
  const rows = [];
  for (const to of ['doccano', 'conll']) {
    const output = path.join(dir, `out.${to}`);
    const r = await runConvert(cli, input, to, output);
    rows.push({
      'convert --to': to,
      records: RECORDS,
      seconds: r.seconds.toFixed(2),
      'records/s': Math.round(RECORDS / r.seconds).toLocaleString('en'),
      'MB/s (input)': (mb / r.seconds).toFixed(1),
      'output MB': (statSync(output).size / 1e6).toFixed(1),
      'peak RSS MB': r.peakMb ? r.peakMb.toFixed(0) : 'n/a',
    });
    rmSync(output, { force: true });
  }
  console.table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
