/** The Dexie database: typed tables with explicit versions. Spans live inside their annotation set (one row per document × annotator). */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AnnotationSet, DocMeta, LabelDef, ProjectSettings } from '../../core/model';

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
}

/** A key/value preference (annotator name, UI choices). */
export interface PrefRow {
  key: string;
  value: unknown;
}

/** Spanlight's IndexedDB database. */
export class SpanlightDb extends Dexie {
  projects!: EntityTable<ProjectRow, 'id'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  texts!: EntityTable<TextRow, 'id'>;
  annotationSets!: Table<AnnotationSet, [string, string]>;
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
  }
}
