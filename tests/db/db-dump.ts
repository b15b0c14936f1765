/** A complete dump of a Dexie database for comparisons: every table's rows in key order, and the schema version. */
import type Dexie from 'dexie';

/** Every table of `db`, its rows sorted by primary key. */
export async function dumpDatabase(db: Dexie): Promise<Record<string, unknown>> {
  await db.open();
  const dump: Record<string, unknown> = { verno: db.verno };
  for (const table of db.tables) {
    const keys = await table.toCollection().primaryKeys();
    const rows = await table.bulkGet(keys);
    dump[table.name] = keys.map((key, i) => [key, rows[i]]).sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));
  }
  return dump;
}
