/** Web worker that finds the documents with disagreements on its own connection to the project's database (see `disagreement-scan.ts`). */
import { SpanlightDb } from '../db/database';
import { scanDisagreements } from './disagreement-scan';
import type { DisagreementMessage, DisagreementRequest } from './disagreement-client';

const databases = new Map<string, SpanlightDb>();
const post = (message: DisagreementMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<DisagreementRequest>) => {
  const { id, dbName, docIds } = event.data;
  let db = databases.get(dbName);
  if (!db) databases.set(dbName, (db = new SpanlightDb(dbName)));
  scanDisagreements(db, docIds, (done, total) => post({ id, type: 'progress', done, total })).then(
    (result) => post({ id, type: 'result', entries: [...result] }),
    (error: unknown) => post({ id, type: 'error', error: error instanceof Error ? error.message : String(error) }),
  );
};
