/** Writes and reads the lines of a backup file (see `format.ts`), with their checksums. */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_ROW_SCHEMAS, BACKUP_TABLES, BACKUP_VERSION, backupEndSchema, backupHeaderSchema, backupRowLineSchema, type BackupHeader, type BackupTable, type BackupTables } from './format.js';

const encoder = new TextEncoder();

type Hasher = ReturnType<typeof sha256.create>;

function hashers(): Record<BackupTable, Hasher> {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, sha256.create()])) as Record<BackupTable, Hasher>;
}

/** What the header says besides the counts. */
export interface BackupMeta {
  schemaVersion: number;
  /** ISO date of the backup. */
  createdAt: string;
  /** The app and its version, e.g. "spanlight 0.1.0". */
  app: string;
}

/** The lines of a backup of `tables` (join them with "\n" and end with one). */
export function backupLines(tables: BackupTables, meta: BackupMeta): string[] {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    ...meta,
    tables: Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as BackupHeader['tables'],
  };
  const all = sha256.create();
  const perTable = hashers();
  const lines = [JSON.stringify(header)];
  all.update(encoder.encode(`${lines[0]}\n`));
  let rows = 0;
  for (const table of BACKUP_TABLES) {
    for (const row of tables[table]) {
      const line = JSON.stringify({ table, row });
      const bytes = encoder.encode(`${line}\n`);
      all.update(bytes);
      perTable[table].update(bytes);
      lines.push(line);
      rows++;
    }
  }
  const sha = Object.fromEntries(BACKUP_TABLES.map((t) => [t, bytesToHex(perTable[t].digest())]));
  lines.push(JSON.stringify({ end: true, rows, sha256: sha, sha256All: bytesToHex(all.digest()) }));
  return lines;
}

/** A backup read and checked whole, or why it cannot be restored. */
export type ParsedBackup = { ok: true; header: BackupHeader; tables: BackupTables } | { ok: false; error: string };

function issue(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = first.path.length ? `${first.path.join('.')}: ` : '';
  return `${where}${first.message}`;
}

/**
 * Reads a backup file's text and checks all of it — layout, every row against its table's schema,
 * counts and checksums — before anything is restored. `currentSchema` is the database schema this
 * code writes: a backup from a newer one is refused.
 */
export function parseBackup(text: string, currentSchema: number): ParsedBackup {
  const fail = (error: string): ParsedBackup => ({ ok: false, error });
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const parse = (line: string, n: number): { value: unknown } | { error: string } => {
    try {
      return { value: JSON.parse(line) };
    } catch {
      return { error: `line ${n}: not JSON — the file is damaged or not a Spanlight backup.` };
    }
  };
  const first = lines[0] === undefined ? { error: 'the file is empty.' } : parse(lines[0].replace(/^\uFEFF/, ''), 1);
  if ('error' in first) return fail(`This is not a Spanlight backup: ${first.error}`);
  const format = (first.value as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) return fail('This is not a Spanlight backup (its first line does not say "spanlight-backup"). To add annotations from another tool, use Import files… instead.');
  const header = backupHeaderSchema.safeParse(first.value);
  if (!header.success) return fail(`The backup's first line is not valid (${issue(header.error)}).`);
  if (header.data.version > BACKUP_VERSION) return fail(`This backup was made by a newer Spanlight (backup layout ${header.data.version}; this one reads ${BACKUP_VERSION}): update Spanlight to restore it.`);
  if (header.data.schemaVersion > currentSchema) return fail(`This backup holds a newer database (schema ${header.data.schemaVersion}; this Spanlight has ${currentSchema}): update Spanlight to restore it.`);
  const all = sha256.create();
  all.update(encoder.encode(`${lines[0]}\n`));
  const perTable = hashers();
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as Record<BackupTable, unknown[]>;
  let end: z.infer<typeof backupEndSchema> | null = null;
  for (let i = 1; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i]!;
    if (end) return fail(`line ${n}: there is more after the closing line — the file was changed or two files were joined.`);
    const parsed = parse(line, n);
    if ('error' in parsed) return fail(parsed.error);
    if ((parsed.value as { end?: unknown } | null)?.end === true) {
      const closing = backupEndSchema.safeParse(parsed.value);
      if (!closing.success) return fail(`line ${n}: the closing line is not valid (${issue(closing.error)}).`);
      end = closing.data;
      continue;
    }
    const rowLine = backupRowLineSchema.safeParse(parsed.value);
    if (!rowLine.success) return fail(`line ${n}: not a row of a known table (${issue(rowLine.error)}).`);
    const { table, row } = rowLine.data;
    const checked = BACKUP_ROW_SCHEMAS[table].safeParse(row);
    if (!checked.success) return fail(`line ${n}: a ${table} row is not valid (${issue(checked.error)}).`);
    const bytes = encoder.encode(`${line}\n`);
    all.update(bytes);
    perTable[table].update(bytes);
    tables[table].push(checked.data);
  }
  if (!end) return fail(`The backup is cut short: it ends at line ${lines.length} without its closing line. Nothing was restored.`);
  const rows = lines.length - 2;
  if (end.rows !== rows) return fail(`The backup says it holds ${end.rows} rows but has ${rows}: it was changed or damaged.`);
  for (const table of BACKUP_TABLES) {
    if (tables[table].length !== header.data.tables[table]) return fail(`The backup's header announces ${header.data.tables[table]} ${table} rows but it has ${tables[table].length}: it was changed or damaged.`);
    if (bytesToHex(perTable[table].digest()) !== end.sha256[table]) return fail(`The checksum of the backup's ${table} does not match: the file was changed or damaged.`);
  }
  if (bytesToHex(all.digest()) !== end.sha256All) return fail('The backup\'s checksum does not match: the file was changed or damaged.');
  return { ok: true, header: header.data, tables: tables as unknown as BackupTables };
}
