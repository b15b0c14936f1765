/** Reads every IndexedDB store of the page's Spanlight database, as a person's whole profile, for comparisons. */
import type { Page } from '@playwright/test';

/** Every store of database `name` with its [key, value] rows (typed arrays as plain arrays), and the version. */
export function dumpIndexedDb(page: Page, name = 'spanlight'): Promise<Record<string, unknown>> {
  return page.evaluate(
    (name) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const dump: Record<string, unknown> = { version: db.version };
          const plain = (value: unknown): unknown =>
            ArrayBuffer.isView(value) ? Array.from(value as Int32Array) : Array.isArray(value) ? value.map(plain) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)])) : value;
          for (const store of names) {
            const keys = tx.objectStore(store).getAllKeys();
            const values = tx.objectStore(store).getAll();
            values.onsuccess = () => (dump[store] = (keys.result as unknown[]).map((key, i) => [key, plain(values.result[i])]));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(dump);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    name,
  );
}
