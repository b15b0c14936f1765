/**
 * The Dexie database: typed tables with explicit versions. Spans live inside their annotation set
 * (one row per document × annotator, never one row per span); each edit is appended to the `ops`
 * log and folded into the set row from time to time; a tiny `heads` row per set says its status and
 * counts, so lists never read span arrays. Every schema change is a new version with an upgrade, and
 * `tests/db/migrations.test.ts` opens a database written by every earlier version.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AnnotationSet, DocMeta, DocStatus, LabelDef, ProjectSettings } from '../../core/model';
import { labelCounts, type SetOp, type StatusChange } from '../../core/spans/ops';

/** The schema version this code writes (Dexie's `db.verno`); backups record it. */
export const SCHEMA_VERSION = 2;

/** The project (one per database for now). */
export interface ProjectRow {
  id: string;
  name: string;
  labels: LabelDef[];
  guidelines: string;
  settings: ProjectSettings;
  createdAt: number;
}

/** Document metadata, without its text (so listing 10,000 documents stays light). */
export interface DocumentRow {
  id: string;
  hash: string;
  title: string;
  meta: DocMeta;
  order: number;
  length: number;
  importedAt: number;
}

/** A document's text, stored apart from its metadata; never modified after import. */
export interface TextRow {
  id: string;
  text: string;
  /** Tokens the imported file brought: start/end pairs (UTF-16 offsets), `[s0, e0, s1, e1, …]`. */
  tokens?: Int32Array;
}

/** A key/value preference (annotator name, UI choices). */
export interface PrefRow {
  key: string;
  value: unknown;
}

/** An annotation set as stored: its spans and status folded through the log operation `through`. */
export interface SetRow extends AnnotationSet {
  /** Sequence number of the last log operation folded into this row (0: none). */
  through: number;
}

/** The small summary row of a set, updated in the same transaction as every operation. */
export interface SetHead {
  docId: string;
  annotator: string;
  status: DocStatus;
  note?: string;
  /** Number of spans. */
  spans: number;
  /** Number of spans per label. */
  labels: Record<string, number>;
  timeSpentMs: number;
  updatedAt: number;
  /** Sequence number of the set's last operation (0: none). */
  lastSeq: number;
  /** The set row holds everything through this operation. */
  through: number;
  /** Operations written since the last fold. */
  unfolded: number;
  /** Operations of this set up to here may have been pruned from the log (they are in the row). */
  prunedThrough: number;
}

/** One logged edit of a set. */
export interface OpRow {
  /** Log position, assigned by IndexedDB (auto-increment). */
  seq?: number;
  docId: string;
  annotator: string;
  op: SetOp;
  /** Milliseconds since the epoch when the edit was made. */
  at: number;
  /** Id of the window (page session) that made it. */
  writer: string;
}

/** What an import added to one set, so "Undo import" removes exactly that. */
export interface ImportedSetRecord {
  docId: string;
  annotator: string;
  /** The import created the set (it had none before). */
  created: boolean;
  /** Ids of the spans it added, with their labels (a span relabelled since is the annotator's work, and stays). */
  spanIds: string[];
  labels: string[];
  /** The status it set, when it changed one. */
  status?: StatusChange;
}

/** One import, kept so it can be undone as one step. */
export interface ImportRow {
  id?: number;
  at: number;
  /** File names and the annotator each file's annotations went to. */
  files: { name: string; annotators: string[] }[];
  /** Documents the import created. */
  createdDocs: string[];
  sets: ImportedSetRecord[];
  /** Highest log operation when the import was stored: later ones are someone's work. */
  seqAtImport: number;
  /** Set once undone. */
  undoneAt?: number;
}

/** Spanlight's IndexedDB database. */
export class SpanlightDb extends Dexie {
  projects!: EntityTable<ProjectRow, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  texts!: EntityTable<TextRow, 'id'>;
  annotationSets!: Table<SetRow, [string, string]>;
  heads!: Table<SetHead, [string, string]>;
  ops!: Table<OpRow, number>;
  imports!: Table<ImportRow, number>;
  prefs!: EntityTable<PrefRow, 'key'>;

  constructor(name = 'spanlight', options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // Strict durability: an acknowledged edit is on disk, not only in the OS cache.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      projects: 'id',
      documents: 'id, &hash, order',
      texts: 'id',
      annotationSets: '[docId+annotator], docId, annotator, status',
      prefs: 'key',
    });
    // v2: edits as operations (log + heads), undoable imports, tokens on texts.
    this.version(2)
      .stores({
        heads: '[docId+annotator], docId, annotator',
        ops: '++seq, [docId+annotator+seq]',
        imports: '++id',
      })
      .upgrade(async (tx) => {
        const heads: SetHead[] = [];
        await tx
          .table<SetRow, [string, string]>('annotationSets')
          .toCollection()
          .modify((row) => {
            row.through = 0;
            heads.push(headOfSet(row, 0));
          });
        await tx.table<SetHead, [string, string]>('heads').bulkPut(heads);
      });
  }
}

/** The head row of a set folded through `lastSeq`. */
export function headOfSet(set: AnnotationSet, lastSeq: number, prunedThrough = 0): SetHead {
  return {
    docId: set.docId,
    annotator: set.annotator,
    status: set.status,
    ...(set.note !== undefined ? { note: set.note } : {}),
    spans: set.spans.length,
    labels: labelCounts(set.spans),
    timeSpentMs: set.timeSpentMs,
    updatedAt: set.updatedAt,
    lastSeq,
    through: lastSeq,
    unfolded: 0,
    prunedThrough,
  };
}
