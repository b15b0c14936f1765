/**
 * Per-record serializers: each input document becomes a piece of the output as soon as it is read,
 * so output streams. Label Studio's single JSON array is written element by element; Hugging Face
 * label ids are assigned as labels first appear (or fixed by --label-names) and the names list is
 * written at the end; brat yields a `.txt`/`.ann` pair per item, WebAnno TSV a `.tsv` per item.
 */
import { writeBrat, type OutputFile } from '../../core/formats/brat.js';
import { writeConll, type TagScheme } from '../../core/formats/conll.js';
import { writeDoccano } from '../../core/formats/doccano.js';
import { writeHuggingFace } from '../../core/formats/huggingface.js';
import type { FormatId } from '../../core/formats/index.js';
import { sameTask, writeLabelStudio } from '../../core/formats/label-studio.js';
import { writeSpanlightJsonl } from '../../core/formats/spanlight-jsonl.js';
import type { ExportItem, OffsetUnit, SpanChange } from '../../core/formats/types.js';
import { writeWebAnnoTsv } from '../../core/formats/webanno-tsv-write.js';

/** What one document's items become. */
export interface Piece {
  /** Text appended to the output file (all formats but brat and WebAnno TSV). */
  text: string;
  /** Files written into the output folder (brat, WebAnno TSV). */
  files: OutputFile[];
  changes: SpanChange[];
  /** What the writer could not hold, said once per file (the caller says each once). */
  warnings?: string[];
}

/** Serializes records of one format, one document at a time. */
export interface RecordWriter {
  /** Text before the first record. */
  header(): string;
  /** The piece of one document's items. */
  write(items: readonly ExportItem[]): Piece;
  /** Text after the last record. */
  footer(): string;
  /** Hugging Face label names by id (after the last record), else null. */
  labelNames(): string[] | null;
}

/** Options of the writers. */
export interface RecordWriterOptions {
  offsets: OffsetUnit;
  scheme: TagScheme;
  /** Fixed Hugging Face label names. */
  labelNames?: readonly string[];
  /** Hugging Face rows: one per document (default) or one per sentence. */
  rows?: 'document' | 'sentence';
  /** Spanlight JSONL: tokens for every document (see `WriteOptions.tokens`). */
  tokens?: boolean;
  /** Where CoNLL and Hugging Face text goes as it is made (their pieces' `text` is then empty). */
  emit?: (chunk: string) => void;
  /** Opens a file of the output folder to write in pieces (WebAnno TSV). */
  open?: (name: string) => (chunk: string) => void;
}

const text = (t: string, changes: SpanChange[], warnings?: string[]): Piece => ({ text: t, files: [], changes, ...(warnings && warnings.length > 0 ? { warnings } : {}) });

class HuggingFaceWriter implements RecordWriter {
  private readonly names: string[];
  private readonly known: Set<string>;
  private readonly prefixes: string[];

  constructor(private readonly options: RecordWriterOptions) {
    this.names = options.labelNames ? [...options.labelNames] : ['O'];
    this.known = new Set(this.names);
    this.prefixes = options.scheme === 'bilou' ? ['B', 'I', 'L', 'U'] : ['B', 'I'];
  }

  header(): string {
    return '';
  }

  write(items: readonly ExportItem[]): Piece {
    if (!this.options.labelNames) {
      for (const item of items) {
        for (const s of item.set.spans) {
          for (const p of this.prefixes) {
            const tag = `${p}-${s.label.replace(/\s+/g, '_')}`;
            if (!this.known.has(tag)) {
              this.known.add(tag);
              this.names.push(tag);
            }
          }
        }
      }
    }
    const r = writeHuggingFace(items, {
      offsets: this.options.offsets, scheme: this.options.scheme, labelNames: this.names, ...(this.options.rows ? { rows: this.options.rows } : {}),
      ...(this.options.emit ? { sink: this.options.emit } : {}),
    });
    return text(r.output, r.changes);
  }

  footer(): string {
    return '';
  }

  labelNames(): string[] {
    return this.names;
  }
}

/**
 * One task per document: the items of consecutive records of one document (a Spanlight JSONL holds
 * one line per annotator, `model:*` sets among them) are held until the next document and written
 * as one task with its annotations and predictions. Changes are reported when each record arrives.
 */
class LabelStudioWriter implements RecordWriter {
  private count = 0;
  private pending: ExportItem[] = [];
  /** Task ids written so far: every task of the file gets its own. */
  private readonly usedIds = new Set<number>();
  constructor(private readonly options: RecordWriterOptions) {}

  header(): string {
    return '[';
  }

  write(items: readonly ExportItem[]): Piece {
    if (items.length === 0) return text('', []);
    const { changes } = writeLabelStudio(items, { offsets: this.options.offsets });
    let out = '';
    if (this.pending.length > 0 && !sameTask(this.pending[0]!.doc, items[0]!.doc)) out = this.flush();
    this.pending.push(...items);
    return text(out, changes);
  }

  footer(): string {
    const last = this.flush();
    return `${last}${this.count === 0 ? ']\n' : '\n]\n'}`;
  }

  labelNames(): null {
    return null;
  }

  /** The pending document as one array element (changes were reported already). */
  private flush(): string {
    if (this.pending.length === 0) return '';
    const r = writeLabelStudio(this.pending, { offsets: this.options.offsets, usedIds: this.usedIds });
    this.pending = [];
    // `[\n  {...}\n]\n` → the element, already indented for the array.
    const body = r.output.replace(/^\[\n?/, '').replace(/\n?\]\n?$/, '');
    const sep = this.count === 0 ? '\n' : ',\n';
    this.count++;
    return sep + body;
  }
}

/** A writer whose output is the concatenation of per-item outputs. */
function concatenating(write: (items: readonly ExportItem[]) => { output: string; changes: SpanChange[]; warnings?: string[] }): RecordWriter {
  return {
    header: () => '',
    write: (items) => {
      const r = write(items);
      return text(r.output, r.changes, r.warnings);
    },
    footer: () => '',
    labelNames: () => null,
  };
}

/** A writer of one file (or pair) per document, named by the document or its position in the output. */
function perDocument(write: (items: readonly ExportItem[], firstIndex: number) => { files: OutputFile[]; changes: SpanChange[]; warnings?: string[] }): RecordWriter {
  let position = 0;
  return {
    header: () => '',
    write: (items) => {
      const r = write(items, position);
      position += new Set(items.map((i) => i.doc.id)).size;
      return { text: '', files: r.files, changes: r.changes, ...(r.warnings && r.warnings.length > 0 ? { warnings: r.warnings } : {}) };
    },
    footer: () => '',
    labelNames: () => null,
  };
}

/** The serializer of a format. */
export function recordWriter(format: FormatId, options: RecordWriterOptions): RecordWriter {
  const offsets = { offsets: options.offsets };
  switch (format) {
    case 'spanlight':
      return concatenating((items) => writeSpanlightJsonl(items, { ...offsets, ...(options.tokens ? { tokens: true } : {}) }));
    case 'doccano':
      return concatenating((items) => writeDoccano(items, offsets));
    case 'conll':
      return concatenating((items) => writeConll(items, { ...offsets, scheme: options.scheme, ...(options.emit ? { sink: options.emit } : {}) }));
    case 'text':
      return concatenating((items) => ({
        output: items.length > 0 ? `${JSON.stringify({ text: items[0]!.doc.text, meta: items[0]!.doc.meta })}\n` : '',
        changes: [],
      }));
    case 'huggingface':
      return new HuggingFaceWriter(options);
    case 'label-studio':
      return new LabelStudioWriter(options);
    case 'brat':
      return perDocument((items, firstIndex) => writeBrat(items, { ...offsets, firstIndex }));
    case 'webanno':
      return perDocument((items, firstIndex) => writeWebAnnoTsv(items, { ...offsets, firstIndex, ...(options.open ? { open: options.open } : {}) }));
  }
}
