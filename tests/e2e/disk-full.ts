/** Fills and frees a profile's storage, as a full disk would (for profiles opened with a small quota: `storage-profile.ts`). */
import type { Page } from '@playwright/test';

/** Fills the origin's (small) storage with another database until writes fail, as a full disk would. */
export async function fillDisk(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('junk', { autoIncrement: true });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const put = (size: number) =>
      new Promise<boolean>((resolve) => {
        const tx = db.transaction('junk', 'readwrite', { durability: 'relaxed' });
        tx.objectStore('junk').add(crypto.getRandomValues(new Uint8Array(size)));
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(false);
      });
    // Random bytes: IndexedDB compresses what it stores.
    for (const size of [65_536, 4096, 256, 16]) while (await put(size));
    db.close();
  });
}

/** Frees what `fillDisk` took. */
export async function freeDisk(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => (indexedDB.deleteDatabase('filler').onsuccess = resolve)));
}
