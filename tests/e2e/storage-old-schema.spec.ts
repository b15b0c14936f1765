/** Fault suite: a profile written by schema version 1 opens in the current app with nothing lost. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { listedSpans, openDocument } from './helpers';

const fixture = JSON.parse(readFileSync('tests/db/fixtures/schema-v1.json', 'utf8')) as { rows: Record<string, object[]> };

test('a database written by schema version 1 opens with every document, annotation, status and preference', async ({ page }) => {
  // An empty page of the app's origin, to write the old database before the app opens it.
  await page.route('**/old-profile', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>old profile</title>' }));
  await page.goto('/old-profile');
  await page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        // Dexie stores its version 1 as IndexedDB version 10, with these stores and indexes.
        const open = indexedDB.open('spanlight', 10);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('projects', { keyPath: 'id' });
          const documents = db.createObjectStore('documents', { keyPath: 'id' });
          documents.createIndex('hash', 'hash', { unique: true });
          documents.createIndex('order', 'order');
          db.createObjectStore('texts', { keyPath: 'id' });
          const sets = db.createObjectStore('annotationSets', { keyPath: ['docId', 'annotator'] });
          for (const index of ['docId', 'annotator', 'status']) sets.createIndex(index, index);
          db.createObjectStore('prefs', { keyPath: 'key' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(data), 'readwrite');
          for (const [store, rows] of Object.entries(data)) for (const row of rows as object[]) tx.objectStore(store).add(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    fixture.rows,
  );

  await page.goto('/');
  const list = page.getByRole('navigation', { name: 'Documents' });
  await expect(page.getByRole('button', { name: 'Annotator: alice (change annotator or name)' })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('button', { name: /Kiev \[Ukraine\] 😀 frappée/ })).toContainText('2 spans');
  await expect(list.getByRole('button', { name: /Odessa sous les drones/ })).toContainText('Flagged');
  // The last document open is open again, with its flag note.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Odessa sous les drones');
  await expect(page.getByText('Flagged: Are drones ACTORs?')).toBeVisible();
  await expect.poll(() => listedSpans(page)).toEqual(['ACTOR drones']);
  await openDocument(page, 'Kiev [Ukraine] 😀 frappée');
  await expect(page.getByLabel('Status: Done')).toBeVisible();
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev', 'LOCATION Ukraine']);
  await page.getByLabel('Annotations of').selectOption('gold');
  await expect.poll(() => listedSpans(page)).toEqual(['LOCATION Kiev']);
});
