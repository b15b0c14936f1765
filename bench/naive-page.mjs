// The bench-only naive Lexical page (bench/naive): its documents live in a database of their own,
// written here; opens are timed fresh (a new page) and warm (naiveOpen in the same page).

/** Writes the documents (id, text, spans) into the naive page's database. */
export async function seedNaive(context, url, docs) {
  const page = await context.newPage();
  await page.goto(`${url}naive/index.html`);
  for (const doc of docs) {
    await page.evaluate(async ({ id, text, spans }) => {
      const open = indexedDB.open('spanlight-naive-bench', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('texts', { keyPath: 'id' });
        open.result.createObjectStore('sets', { keyPath: 'id' });
      };
      const db = await new Promise((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['texts', 'sets'], 'readwrite');
      tx.objectStore('texts').put({ id, text });
      tx.objectStore('sets').put({ id, spans });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, { id: doc.id, text: doc.text, spans: doc.spans.map((s) => ({ id: s.id, start: s.start, end: s.end })) });
  }
  await page.close();
}

/** A fresh naive page until the frame showing the whole document: ms from its first IndexedDB open (`fromDb`) and from its script start (`fromScript`). */
export async function naiveFresh(context, url, id) {
  const page = await context.newPage();
  await page.bringToFront();
  await page.addInitScript(() => {
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...args) => {
      window.__idbOpened ??= performance.now();
      return open(...args);
    };
  });
  await page.goto(`${url}naive/index.html?doc=${encodeURIComponent(id)}`);
  await page.waitForFunction(() => window.__naivePainted !== undefined, null, { timeout: 120_000 });
  const times = await page.evaluate(() => ({ fromDb: window.__naivePainted - window.__idbOpened, fromScript: window.__naivePainted - performance.getEntriesByType('navigation')[0].domInteractive }));
  await page.close();
  return times;
}

/** A naive page kept open for warm opens. */
export async function naiveWarmPage(context, url) {
  const page = await context.newPage();
  await page.goto(`${url}naive/index.html`);
  await page.waitForFunction(() => typeof window.naiveOpen === 'function');
  return page;
}

/** Ms from asking the warm naive page for a document until the frame showing all of it. */
export async function naiveWarm(page, id) {
  const started = await page.evaluate((id) => window.naiveOpen(id), id);
  await page.waitForFunction(() => window.__naivePainted !== undefined, null, { timeout: 120_000 });
  return page.evaluate((started) => window.__naivePainted - started, started);
}
