// Document rows: open (fresh page and warm) against the naive Lexical view in the same run, key →
// painted for create, relabel and delete (fresh and warm), scrolling a 1 MB document, and the
// 100,000-span and 50 MB documents.
import { generateArticle } from '../scripts/bench-data.mjs';
import { bootTime, editOnce, freshPage, importJsonl, jsonlRecord, openWarm, recordPaints, seedRaw, startAs } from './app-page.mjs';
import { naiveFresh, naiveWarm, naiveWarmPage, seedNaive } from './naive-page.mjs';
import { notMeasured, ratioRow, reference, row } from './rows.mjs';
import { cpuNote, withLongestTask } from './trace.mjs';

// SPANLIGHT_BENCH_QUICK=1 takes fewer samples (for trying the bench out, not for numbers).
const QUICK = process.env.SPANLIGHT_BENCH_QUICK === '1';
const FRESH_RUNS = QUICK ? 2 : 5;
const WARM_OPENS = QUICK ? 2 : 5;
const WARM_EDITS = QUICK ? 5 : 30;
const log = (message) => console.log(`  ${new Date().toISOString().slice(11, 19)} ${message}`);
const KEY_TARGET = '< 16 ms median, < 33 ms p95';

/** The three sizes of the table. */
export const SIZES = [
  { key: 'typical', label: 'typical (1,000 words, 50 spans)', words: 1_000, spans: 50, seed: 1, open: 50, ratio: 1.0, what: 'whole' },
  { key: '20k', label: '20,000 words, 1,000 spans', words: 20_000, spans: 1_000, seed: 3, open: 100, ratio: 0.5, what: 'whole' },
  { key: '1mb', label: '1 MB (170,000 words, 10,000 spans), first screen', words: 170_000, spans: 10_000, seed: 2, open: 150, ratio: 0.1, what: 'first screen' },
];

function docFor(size) {
  return generateArticle({ words: size.words, spans: size.spans, seed: size.seed, title: `BENCH ${size.key} document` });
}

/** Opens `title` in the long-lived page so a fresh page boots into it; waits until it is remembered. */
async function makeLast(page, title) {
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: 'Kiev [Ukraine]' }).first().click();
  await page.waitForTimeout(150);
  await openWarm(page, title);
  await page.waitForTimeout(300);
}

/** Scrolls the open document from top to bottom and back in big steps, one per frame. */
async function scrollThrough(page) {
  await page.evaluate(async () => {
    const scroller = document.querySelector('[aria-label="Document text"]').parentElement;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    scroller.scrollTop = 0;
    await frame();
    for (let i = 0; i < 120 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2; i++) {
      scroller.scrollTop += 3000;
      await frame();
    }
    // Jumps, as when the scrollbar thumb is dragged.
    for (let i = 0; i < 20; i++) {
      scroller.scrollTop = ((i * 7919) % 97) / 97 * scroller.scrollHeight;
      await frame();
      await frame();
    }
  });
}

/** Rows for the typical, 20k-word and 1 MB documents. */
export async function documentRows({ browser, url }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(recordPaints);
  await startAs(page, url, 'bench');
  const docs = SIZES.map(docFor);
  log('importing the documents');
  await importJsonl(page, Buffer.from(docs.map((d) => jsonlRecord(d, 'bench')).join('\n') + '\n'), { documents: docs.length, spans: docs.reduce((n, d) => n + d.spans.length, 0) });
  await seedNaive(context, url, docs);
  const naivePage = await naiveWarmPage(context, url);
  const rows = [];
  for (const [s, size] of SIZES.entries()) {
    const doc = docs[s];
    const fresh = [];
    const freshScript = [];
    const freshEdits = { create: [], relabel: [], delete: [] };
    log(`${size.key}: fresh pages`);
    await page.bringToFront();
    await makeLast(page, doc.title);
    for (let r = 0; r < FRESH_RUNS; r++) {
      const p = await freshPage(context, url);
      const boot = await bootTime(p);
      fresh.push(boot.fromDb);
      freshScript.push(boot.fromScript);
      const edit = await editOnce(p, r);
      for (const k of Object.keys(freshEdits)) freshEdits[k].push(edit[k]);
      await p.close();
    }
    log(`${size.key}: naive`);
    const naive = [];
    const naiveScript = [];
    for (let r = 0; r < FRESH_RUNS; r++) {
      const times = await naiveFresh(context, url, doc.id);
      naive.push(times.fromDb);
      naiveScript.push(times.fromScript);
    }
    log(`${size.key}: warm`);
    // A page behind another gets throttled frames: the one measured is always in front.
    const warm = [];
    await page.bringToFront();
    for (let r = 0; r < WARM_OPENS; r++) {
      await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: 'Kiev [Ukraine]' }).first().click();
      await page.waitForTimeout(100);
      warm.push(await openWarm(page, doc.title));
    }
    const naiveWarmRuns = [];
    await naivePage.bringToFront();
    for (let r = 0; r < WARM_OPENS; r++) {
      await naiveWarm(naivePage, docs[(s + 1) % docs.length].id);
      naiveWarmRuns.push(await naiveWarm(naivePage, doc.id));
    }
    await page.bringToFront();
    const warmEdits = { create: [], relabel: [], delete: [] };
    for (let i = 0; i < WARM_EDITS; i++) {
      const edit = await editOnce(page, i);
      for (const k of Object.keys(warmEdits)) warmEdits[k].push(edit[k]);
    }
    const openTarget = `< ${size.open} ms`;
    rows.push(row(`open ${size.label}, fresh page`, openTarget, fresh, { limit: size.open, note: 'first IndexedDB open → frame painted' }));
    rows.push(row(`open ${size.label}, warm`, openTarget, warm, { limit: size.open, note: 'click → frame painted' }));
    rows.push(reference(`naive Lexical, ${size.label.replace(', first screen', '')}, whole document, fresh page`, naive, 'first IndexedDB open → frame painted'));
    rows.push(ratioRow(`open ${size.key} ÷ naive Lexical, fresh page`, `≤ ${size.ratio.toFixed(1)}`, fresh, naive, size.ratio));
    rows.push(reference(`open ${size.label}, fresh page, from script start`, freshScript, 'script start (DOM interactive) → frame painted: includes the app bundle'));
    rows.push(reference(`naive Lexical, ${size.key}, fresh page, from script start`, naiveScript, 'script start → frame painted'));
    rows.push(ratioRow(`open ${size.key} ÷ naive Lexical, warm`, `≤ ${size.ratio.toFixed(1)}`, warm, naiveWarmRuns, size.ratio));
    for (const k of ['create', 'relabel', 'delete']) {
      rows.push(row(`${k} a span, key → painted, ${size.key}, fresh page`, KEY_TARGET, freshEdits[k], { limit: 16, p95Limit: 33, on: 'both' }));
      rows.push(row(`${k} a span, key → painted, ${size.key}, warm`, KEY_TARGET, warmEdits[k], { limit: 16, p95Limit: 33, on: 'both' }));
    }
    if (size.key === '1mb') {
      log('scrolling');
      await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: doc.title }).first().waitFor();
      const longest = [];
      const cpu = [];
      for (let r = 0; r < 3; r++) {
        const traced = await withLongestTask(browser, page, () => scrollThrough(page));
        longest.push(traced.longest);
        cpu.push(traced.longestCpu);
      }
      rows.push(row('scroll a 1 MB document: longest main-thread task', '< 50 ms', longest, { limit: 50, on: 'p95', note: `top to bottom in 3,000 px frames, then 20 jumps; ${cpuNote(cpu)}` }));
    }
  }
  await context.close();
  return rows;
}

/** Tries the import of `doc` for at most `limitMs`: a row saying how long it took, or that it did not finish (and whether it said why). */
async function importAttempt(browser, url, doc, limitMs) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const name = `import a ${(doc.text.length / 1e6).toFixed(0)} MB document (one record, ${doc.spans.length.toLocaleString('en')} spans)`;
  const target = 'finishes, or says plainly what the limit is';
  try {
    await startAs(page, url, 'bench');
    const t0 = Date.now();
    await importJsonl(page, Buffer.from(jsonlRecord(doc, 'bench') + '\n'), { documents: 1, spans: doc.spans.length, timeout: limitMs });
    return row(name, target, [Date.now() - t0], { limit: Infinity, note: 'file chosen → stored' });
  } catch (error) {
    const said = await page.getByRole('status').allInnerTexts().catch(() => []);
    const message = said.find((m) => /limit|too (large|long|big)|cannot/i.test(m));
    return { ...notMeasured(name, target, message ? `refused: ${message}` : `did not finish in ${limitMs / 1000} s and said nothing (${String(error?.message ?? error).split('\n')[0]})`), pass: Boolean(message) };
  } finally {
    await context.close();
  }
}

/** Rows for one document of 100,000 spans and one of 50 MB: open in a fresh page, its longest task, and tagging. */
export async function hugeDocumentRows({ browser, url }) {
  const huge = [
    { key: '100k spans', doc: generateArticle({ words: 300_000, spans: 100_000, seed: 5, title: 'BENCH 100k spans document' }), via: 'import' },
    { key: '50 MB', doc: generateArticle({ words: 7_000_000, spans: 10_000, seed: 6, title: 'BENCH 50 MB document' }), via: 'seed' },
  ];
  const rows = [];
  for (const { key, doc, via } of huge) {
    // The import of 50 MB is tried on its own; the document is then stored directly so its opening can be measured.
    if (via === 'seed') rows.push(await importAttempt(browser, url, doc, QUICK ? 60_000 : 180_000));
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(recordPaints);
    const label = `${key} (${(doc.text.length / 1e6).toFixed(1)} MB, ${doc.spans.length.toLocaleString('en')} spans)`;
    try {
      await startAs(page, url, 'bench');
      log(`${key}: ${via === 'seed' ? 'storing directly' : 'importing'}`);
      if (via === 'seed') {
        await seedRaw(page, doc, 'bench');
        await page.reload();
      } else {
        await importJsonl(page, Buffer.from(jsonlRecord(doc, 'bench') + '\n'), { documents: 1, spans: doc.spans.length });
      }
      log(`${key}: opening`);
      await openWarm(page, doc.title);
      await page.waitForTimeout(500);
      const opens = [];
      const tasks = [];
      const cpu = [];
      for (let r = 0; r < 3; r++) {
        const p = await context.newPage();
        await p.bringToFront();
        await p.addInitScript(recordPaints);
        const { result, longest, longestCpu } = await withLongestTask(browser, p, async () => {
          await p.goto(url);
          return bootTime(p);
        });
        opens.push(result.fromScript);
        tasks.push(longest);
        cpu.push(longestCpu);
        await p.close();
      }
      await page.bringToFront();
      const edits = [];
      for (let i = 0; i < 10; i++) {
        const edit = await editOnce(page, i);
        edits.push(edit.create, edit.relabel, edit.delete);
      }
      // What storing those edits costs the window (the set is written whole today).
      const storing = await withLongestTask(browser, page, () => editOnce(page, 11));
      const how = via === 'seed' ? 'stored directly, not imported' : 'imported';
      rows.push(row(`open ${label}, fresh page`, '< 2 s', opens, { limit: 2000, note: `script start → first screen painted (${how})` }));
      rows.push(row(`open ${label}: longest main-thread task`, '< 200 ms', tasks, { limit: 200, on: 'p95', note: cpuNote(cpu) }));
      rows.push(row(`tag in the ${key} document (create, relabel, delete), key → painted`, 'within a frame (< 16 ms median)', edits, { limit: 16 }));
      rows.push(reference(`tag and store an edit in the ${key} document: longest main-thread task`, [storing.longest], `create, relabel and delete, each stored before the next key; ${cpuNote([storing.longestCpu])}`));
    } catch (error) {
      const note = `failed: ${String(error?.message ?? error).split('\n')[0]}`;
      rows.push(notMeasured(`open ${label}, fresh page`, '< 2 s', note), notMeasured(`open ${label}: longest main-thread task`, '< 200 ms', note), notMeasured(`tag in the ${key} document, key → painted`, 'within a frame', note));
    }
    await context.close();
  }
  return rows;
}
