/**
 * The Spanlight backup file, version 1 (documented in `docs/backup-format.md`): JSON Lines, one
 * header line, one line per stored row (`{"table", "row"}`), and a closing line with the row count
 * and a SHA-256 checksum per table and over the whole body. Every row is validated with these
 * schemas before anything is restored.
 */
import { z } from 'zod';

/** The `format` field of the header. */
export const BACKUP_FORMAT = 'spanlight-backup';
/** The layout version this code writes and reads. */
export const BACKUP_VERSION = 1;

/** The tables a backup holds, in the order they are written. */
export const BACKUP_TABLES = ['projects', 'documents', 'texts', 'annotationSets', 'heads', 'ops', 'imports', 'prefs'] as const;
/** A table of a backup. */
export type BackupTable = (typeof BACKUP_TABLES)[number];

const int = z.number().int();
const count = int.nonnegative();
const time = z.number();
const status = z.enum(['todo', 'in_progress', 'done', 'skipped', 'flagged']);
const statusValue = z.strictObject({ status, note: z.string().optional() });
const statusChange = z.strictObject({ from: statusValue, to: statusValue });

const origin = z.strictObject({
  annotators: z.array(z.string()),
  spanIds: z.array(z.string()),
  resolution: z.enum(['agreed', 'chosen', 'both', 'edited']),
});

// Every field of `Span` (core/model.ts): a backup refusing one it wrote would lose that work on restore.
const span = z.strictObject({
  id: z.string().min(1),
  start: count,
  end: count,
  label: z.string(),
  source: z.enum(['manual', 'suggested', 'imported']),
  createdBy: z.string(),
  createdAt: time,
  note: z.string().optional(),
  origin: origin.optional(),
  score: z.number().optional(),
  answer: z.enum(['accept', 'reject', 'ignore']).optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});

const labelDef = z.strictObject({ name: z.string(), color: z.string(), key: z.string(), description: z.string() });

const annotationSet = {
  docId: z.string().min(1),
  annotator: z.string().min(1),
  spans: z.array(span),
  status,
  note: z.string().optional(),
  timeSpentMs: z.number().nonnegative(),
  updatedAt: time,
};

const setOp = z.strictObject({
  id: z.string().min(1),
  span: z.strictObject({ before: span.nullable(), after: span.nullable() }).optional(),
  status: statusChange.optional(),
  history: z.enum(['do', 'undo', 'redo']).optional(),
  of: z.string().optional(),
  spentMs: z.number(),
});

/** Schema of each table's rows as a backup holds them (tokens as a plain array of start/end pairs). */
export const BACKUP_ROW_SCHEMAS = {
  projects: z.strictObject({
    id: z.string().min(1),
    name: z.string(),
    labels: z.array(labelDef),
    guidelines: z.string(),
    settings: z.strictObject({ snapToTokens: z.boolean(), allowOverlaps: z.boolean() }),
    createdAt: time,
  }),
  documents: z.strictObject({
    id: z.string().min(1),
    hash: z.string(),
    title: z.string(),
    meta: z.record(z.string(), z.unknown()),
    order: z.number(),
    length: count,
    importedAt: time,
  }),
  texts: z.strictObject({
    id: z.string().min(1),
    text: z.string(),
    tokens: z.array(count).refine((t) => t.length % 2 === 0, 'start/end pairs').optional(),
  }),
  annotationSets: z.strictObject({ ...annotationSet, through: count }),
  heads: z.strictObject({
    docId: z.string().min(1),
    annotator: z.string().min(1),
    status,
    note: z.string().optional(),
    spans: count,
    labels: z.record(z.string(), count),
    timeSpentMs: z.number().nonnegative(),
    updatedAt: time,
    lastSeq: count,
    through: count,
    unfolded: count,
    prunedThrough: count,
  }),
  ops: z.strictObject({ seq: int.positive(), docId: z.string().min(1), annotator: z.string().min(1), op: setOp, at: time, writer: z.string() }),
  imports: z.strictObject({
    id: int.positive(),
    at: time,
    files: z.array(z.strictObject({ name: z.string(), annotators: z.array(z.string()) })),
    createdDocs: z.array(z.string()),
    sets: z.array(
      z.strictObject({
        docId: z.string(),
        annotator: z.string(),
        created: z.boolean(),
        spanIds: z.array(z.string()),
        labels: z.array(z.string()),
        status: statusChange.optional(),
      }),
    ),
    seqAtImport: count,
    undoneAt: time.optional(),
  }),
  prefs: z.strictObject({ key: z.string().min(1), value: z.unknown() }),
} satisfies Record<BackupTable, z.ZodType>;

/** A backup's rows, table by table, as plain JSON values. */
export type BackupTables = { [T in BackupTable]: z.infer<(typeof BACKUP_ROW_SCHEMAS)[T]>[] };

/** The first line. */
export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: int.positive(),
  /** The database schema version the rows were read from. */
  schemaVersion: int.positive(),
  createdAt: z.string(),
  app: z.string(),
  /** Rows per table. */
  tables: z.strictObject(Object.fromEntries(BACKUP_TABLES.map((t) => [t, count])) as Record<BackupTable, typeof count>),
});

/** The header line of a backup. */
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** A row line. */
export const backupRowLineSchema = z.strictObject({ table: z.enum(BACKUP_TABLES), row: z.unknown() });

/** The closing line: proof the file is whole and unchanged. */
export const backupEndSchema = z.strictObject({
  end: z.literal(true),
  rows: count,
  /** Hex SHA-256 of each table's row lines (UTF-8, each followed by a line feed), in file order. */
  sha256: z.strictObject(Object.fromEntries(BACKUP_TABLES.map((t) => [t, z.string().regex(/^[0-9a-f]{64}$/)])) as Record<BackupTable, z.ZodString>),
  /** Hex SHA-256 of every line before this one, header included. */
  sha256All: z.string().regex(/^[0-9a-f]{64}$/),
});
