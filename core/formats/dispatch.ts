/** One entry point per direction over every format: read a group of files of one format, write items to the files a format produces. */
import type { FormatId } from './index.js';
import { readBrat, writeBrat, type OutputFile } from './brat.js';
import { predictionWarning } from './index.js';
import { readWebAnnoTsv } from './webanno-tsv.js';
import { writeWebAnnoTsv } from './webanno-tsv-write.js';
import { readConll, writeConll, type TagScheme } from './conll.js';
import { readDoccano, writeDoccano } from './doccano.js';
import { readHuggingFace, writeHuggingFace } from './huggingface.js';
import { readLabelStudio, writeLabelStudio } from './label-studio.js';
import { emptyFileProblem, isBlankText, readPlainText, readTextJson, readTextJsonl } from './plaintext.js';
import { readSpanlightJsonl, writeSpanlightJsonl } from './spanlight-jsonl.js';
import { annotatorTag } from './interchange.js';
import { controlCharacterProblems } from './input-checks.js';
import { textHash } from '../text/hash.js';
import type { ExportItem, OffsetUnit, ReadResult, SpanChange } from './types.js';

/** A decoded input file. */
export interface TextFile {
  name: string;
  text: string;
}

/** Options of `readFiles`. */
export interface ReadFilesOptions {
  /** Offset unit when spans do not carry their text. */
  offsets?: OffsetUnit;
  /** Hugging Face label names (array, JSON, or one per line). */
  labelNames?: readonly string[] | string;
  /** CoNLL column roles (see `parseColumns`); detected when absent. */
  columns?: readonly string[];
}

function baseName(name: string): string {
  return name.replace(/\.[^./\\]+$/, '');
}

function merge(results: ReadResult[]): ReadResult {
  return { documents: results.flatMap((r) => r.documents), problems: results.flatMap((r) => r.problems) };
}

/** The result with a warning for each document whose text or title holds control characters. */
function withTextChecks(result: ReadResult, file: string): ReadResult {
  for (const d of result.documents) result.problems.push(...controlCharacterProblems(d, d.file ?? file));
  return result;
}

export { emptyFileProblem, isBlankText } from './plaintext.js';

/**
 * Reads files of one format. brat pairs each `.ann` with the `.txt` of the same base name (a `.txt`
 * without `.ann` is a document without spans); other formats read each file on its own. Give brat
 * `.txt` files as decoded with their byte order mark kept (`decodeUtf8(bytes, name, { keepBom: true })`):
 * brat counts it as character 0. Every other reader drops a leading mark itself. An empty file is an error.
 */
export function readFiles(format: FormatId, files: readonly TextFile[], options: ReadFilesOptions = {}): ReadResult {
  if (format === 'brat') {
    const txts = new Map(files.filter((f) => f.name.toLowerCase().endsWith('.txt')).map((f) => [baseName(f.name), f]));
    const anns = files.filter((f) => f.name.toLowerCase().endsWith('.ann'));
    const results = anns.map((ann) => {
      const txt = txts.get(baseName(ann.name));
      txts.delete(baseName(ann.name));
      if (!txt) {
        return { documents: [], problems: [{ severity: 'error' as const, file: ann.name, message: `${ann.name}: no ${baseName(ann.name)}.txt beside it; brat needs both files.` }] };
      }
      return withTextChecks(readBrat({ txt: txt.text, ann: ann.text, name: baseName(ann.name) }, { fileName: ann.name, offsets: options.offsets }), ann.name);
    });
    for (const txt of txts.values()) results.push(withTextChecks(readPlainText(txt.name, txt.text), txt.name));
    return merge(results);
  }
  return merge(files.map((file): ReadResult => withTextChecks(readOne(format, file, options), file.name)));
}

/** Reads one file of a format read file by file. */
function readOne(format: Exclude<FormatId, 'brat'>, file: TextFile, options: ReadFilesOptions): ReadResult {
  if (isBlankText(file.text)) return { documents: [], problems: [emptyFileProblem(file.name)] };
  const opts = { fileName: file.name, offsets: options.offsets };
  switch (format) {
    case 'spanlight':
      return readSpanlightJsonl(file.text, opts);
    case 'doccano':
      return readDoccano(file.text, opts);
    case 'label-studio':
      return readLabelStudio(file.text, opts);
    case 'conll':
      return readConll(file.text, { ...opts, ...(options.columns ? { columns: options.columns } : {}) });
    case 'huggingface':
      return readHuggingFace(file.text, { ...opts, labelNames: options.labelNames });
    case 'webanno':
      return readWebAnnoTsv(file.text, opts);
    case 'text':
      if (/\.(jsonl|ndjson)$/i.test(file.name)) return readTextJsonl(file.name, file.text);
      return /\.json$/i.test(file.name) ? readTextJson(file.name, file.text) : readPlainText(file.name, file.text);
  }
}

/** Options of `writeFormat`. */
export interface WriteFormatOptions {
  offsets?: OffsetUnit;
  /** Tag scheme of CoNLL and Hugging Face output. */
  scheme?: TagScheme;
  /** Hugging Face rows: one per document (default) or one per sentence. */
  rows?: 'document' | 'sentence';
  /** Spanlight JSONL: `tokens` for every document (see `WriteOptions.tokens`). */
  tokens?: boolean;
  /** Base name of the written file(s), without extension. */
  baseName?: string;
  /**
   * One file (or brat pair) per annotator, named with the annotator, for formats that cannot say who
   * annotated a record. Default: when the items hold more than one annotator.
   */
  byAnnotator?: boolean;
  /** The tag in each annotator's file names (see annotatorFileTags); decided over all items when a write is split. */
  fileTags?: Readonly<Record<string, string>>;
}

/**
 * The file-name tag of each annotator: annotatorTag, plus a short hash for names whose tags differ
 * only by case ("Alice" and "alice"), which would be one file on macOS and Windows.
 */
export function annotatorFileTags(annotators: Iterable<string>): Record<string, string> {
  const names = [...new Set(annotators)];
  const tags = new Map(names.map((n) => [n, annotatorTag(n)]));
  const uses = new Map<string, number>();
  for (const tag of tags.values()) uses.set(tag.toLowerCase(), (uses.get(tag.toLowerCase()) ?? 0) + 1);
  return Object.fromEntries(
    names.map((n) => {
      const tag = tags.get(n)!;
      return [n, uses.get(tag.toLowerCase())! > 1 ? `${tag}-${textHash(n).slice(0, 8)}` : tag];
    }),
  );
}

/** `options` with what must be decided over all items of an export settled, so writes split in parts name their files alike. */
export function settleWriteOptions(format: FormatId, items: readonly ExportItem[], options: WriteFormatOptions = {}): WriteFormatOptions {
  return {
    ...options,
    byAnnotator: options.byAnnotator ?? needsFilePerAnnotator(format, items),
    fileTags: options.fileTags ?? annotatorFileTags(items.map((i) => i.set.annotator)),
  };
}

/** Formats whose records say who annotated them (Spanlight `_annotator_id`, Label Studio `completed_by`, Hugging Face `id#annotator`). */
const CARRIES_ANNOTATOR: ReadonlySet<FormatId> = new Set<FormatId>(['spanlight', 'label-studio', 'huggingface', 'text']);

/** Whether a format's records say who annotated them (else several annotators need several files). */
export function carriesAnnotator(format: FormatId): boolean {
  return CARRIES_ANNOTATOR.has(format);
}

/** Whether writing `items` in `format` needs one file per annotator (see `WriteFormatOptions.byAnnotator`). */
export function needsFilePerAnnotator(format: FormatId, items: readonly ExportItem[]): boolean {
  if (CARRIES_ANNOTATOR.has(format)) return false;
  const first = items[0]?.set.annotator;
  return items.some((i) => i.set.annotator !== first);
}

/** `name` with `.tag` before its extension: `corpus.jsonl` → `corpus.alice.jsonl`. */
function withTag(name: string, tag: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.${tag}${name.slice(dot)}` : `${name}.${tag}`;
}

/** What a format writes: one or more files, every span it could not write as it was, and what else it could not hold. */
export interface WrittenFormat {
  files: OutputFile[];
  changes: SpanChange[];
  /** Said once per export, not per span (e.g. predictions written as labels). */
  warnings: string[];
}

/**
 * Writes items in a format: one file for most formats, `.txt`/`.ann` pairs for brat, a `.tsv` per
 * document for WebAnno TSV, data plus label names for Hugging Face; one file per annotator
 * (annotator in the name) when the format cannot say who annotated a record and several annotators
 * are exported.
 */
export function writeFormat(format: FormatId, items: readonly ExportItem[], options: WriteFormatOptions = {}): WrittenFormat {
  let written: WrittenFormat;
  if (options.byAnnotator ?? needsFilePerAnnotator(format, items)) {
    const groups = new Map<string, ExportItem[]>();
    for (const item of items) {
      const group = groups.get(item.set.annotator);
      if (group) group.push(item);
      else groups.set(item.set.annotator, [item]);
    }
    // Tags settled over a whole export win; otherwise this call's annotators decide, once.
    const groupTags = annotatorFileTags(groups.keys());
    const parts = [...groups].map(([annotator, group]) => {
      const one = writeSingle(format, group, options);
      const tag = options.fileTags?.[annotator] ?? groupTags[annotator]!;
      return { ...one, files: one.files.map((f) => ({ ...f, name: withTag(f.name, tag) })) };
    });
    written = { files: parts.flatMap((p) => p.files), changes: parts.flatMap((p) => p.changes), warnings: [...new Set(parts.flatMap((p) => p.warnings))] };
  } else written = writeSingle(format, items, options);
  const predictions = predictionWarning(format, items.map((i) => i.set.annotator));
  if (predictions) written.warnings.push(predictions);
  return written;
}

function writeSingle(format: FormatId, items: readonly ExportItem[], options: WriteFormatOptions): WrittenFormat {
  const base = options.baseName ?? 'spanlight-export';
  const offsets = { offsets: options.offsets };
  const single = (ext: string, result: { output: string; changes: SpanChange[]; warnings?: string[] }): WrittenFormat => ({
    files: [{ name: `${base}.${ext}`, content: result.output }],
    changes: result.changes,
    warnings: result.warnings ?? [],
  });
  switch (format) {
    case 'spanlight':
      return single('jsonl', writeSpanlightJsonl([...items], { ...offsets, ...(options.tokens ? { tokens: true } : {}) }));
    case 'doccano':
      return single('jsonl', writeDoccano(items, offsets));
    case 'label-studio':
      return single('json', writeLabelStudio(items, offsets));
    case 'conll':
      return single('conll', writeConll(items, { ...offsets, scheme: options.scheme }));
    case 'brat':
      return { ...writeBrat(items, offsets), warnings: [] };
    case 'webanno':
      return writeWebAnnoTsv(items, offsets);
    case 'huggingface': {
      const result = writeHuggingFace(items, { ...offsets, scheme: options.scheme, ...(options.rows ? { rows: options.rows } : {}) });
      return {
        files: [
          { name: `${base}.jsonl`, content: result.output },
          { name: `${base}.labels.json`, content: `${JSON.stringify(result.labelNames, null, 2)}\n` },
        ],
        changes: result.changes,
        warnings: [],
      };
    }
    case 'text':
      return single('jsonl', { output: items.map((i) => `${JSON.stringify({ text: i.doc.text, meta: i.doc.meta })}\n`).join(''), changes: [] });
  }
}

/** Formats whose file is the concatenation of every item's own output, so they can be written a batch at a time. */
export const BATCHABLE_FORMATS: ReadonlySet<FormatId> = new Set<FormatId>(['spanlight', 'doccano', 'conll', 'text']);

/**
 * Writes items like `writeFormat`, one batch of `batchSize` items at a time for the formats of
 * `BATCHABLE_FORMATS` (concatenating the batches' files of one name gives `writeFormat`'s file), in one piece
 * for the others. Keeps memory low: a caller can encode each batch and let its text go.
 */
export function* writeFormatInBatches(
  format: FormatId,
  items: readonly ExportItem[],
  options: WriteFormatOptions = {},
  batchSize = 500,
): Generator<WrittenFormat> {
  // Decided over all items, so every batch names its files alike.
  const whole = settleWriteOptions(format, items, options);
  if (!BATCHABLE_FORMATS.has(format) || items.length <= batchSize) {
    yield writeFormat(format, items, whole);
    return;
  }
  for (let from = 0; from < items.length; from += batchSize) yield writeFormat(format, items.slice(from, from + batchSize), whole);
}
