/** Builds the fixture database of schema version 1 (`fixtures/schema-v1.json`) with that version's own schema, under fake-indexeddb or in a browser. */
import Dexie from 'dexie';
import fixture from './fixtures/schema-v1.json';

/** The fixture's rows, table by table. */
export const V1_ROWS = fixture.rows;

/** Writes the fixture into a new database `name` as schema version 1 did, and closes it. */
export async function buildSchemaV1(name: string): Promise<void> {
  const db = new Dexie(name);
  db.version(1).stores(fixture.schema);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.rows)) await db.table(table).bulkAdd(rows);
  });
  db.close();
}
