/**
 * Record sources: the input as a stream of batches (one per document, or one per bad record), each
 * with its problems located by file and line. JSONL formats stream line by line and CoNLL by
 * `-DOCSTART-` block; Label Studio JSON, a JSON-array doccano export, brat pairs and .txt files are
 * read whole, one file at a time.
 */
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readBrat } from '../../core/formats/brat.js';
import { MAX_CONLL_SENTENCES, conllSplitWarning, readConll } from '../../core/formats/conll.js';
import { emptyFileProblem, readFiles } from '../../core/formats/dispatch.js';
import { withoutBom } from '../../core/formats/interchange.js';
import { isJsonlFormat, readJsonlRecord } from '../../core/formats/jsonl-stream.js';
import { readPlainText } from '../../core/formats/plaintext.js';
import type { OffsetUnit, Problem, UnitEvidence } from '../../core/formats/types.js';
import { batchesByRecord, type RecordBatch } from '../../core/formats/skip-bad.js';
import { decodeBytes, invalidUtf8Message, type InputEncoding } from './decode.js';
import { firstChunk, type InputSpec } from './input.js';
import { readLineChunks, readLines, type RawLine } from './line-reader.js';
import { readWholeText } from './whole-file.js';

export type { RecordBatch } from '../../core/formats/skip-bad.js';

/** How to read the input. */
export interface SourceOptions {
  encoding: InputEncoding;
  /** Offset unit when spans do not carry their text. */
  offsets?: OffsetUnit;
  /** Hugging Face label names by id. */
  labelNames?: readonly string[];
  /** CoNLL column roles (`--columns`); detected when absent. */
  columns?: readonly string[];
}

/** Folder entries in natural order (`doc-2` before `doc-10`), as the app lists picked files. */
export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

/** The records of one chunk of lines, read as they are iterated (so each record's objects die young). */
function* chunkRecords(chunk: readonly RawLine[], spec: InputSpec, format: Parameters<typeof readJsonlRecord>[0], options: SourceOptions, unitEvidence: UnitEvidence): Generator<RecordBatch> {
  for (const raw of chunk) {
    // Decoded only now, as the record is read: a chunk's worth of strings never outlives its records.
    let text = raw.utf8 ? raw.bytes.toString('utf8') : undefined;
    if (text === undefined) {
      const decoded = decodeBytes(raw.bytes, options.encoding);
      if (!('text' in decoded)) {
        yield { documents: [], problems: [{ severity: 'error', file: spec.display, line: raw.line, message: invalidUtf8Message(decoded.byte, raw.offset + decoded.invalidAt) }] };
        continue;
      }
      text = decoded.text;
    }
    yield readJsonlRecord(format, text, raw.line, {
      fileName: spec.display,
      offsets: options.offsets,
      unitEvidence,
      labelNames: options.labelNames,
      unterminated: !raw.terminated,
    });
  }
}

async function* jsonlRecords(spec: InputSpec, format: Parameters<typeof readJsonlRecord>[0], options: SourceOptions): AsyncGenerator<Iterable<RecordBatch>> {
  // What earlier lines showed about the offset unit carries on to later ones.
  const unitEvidence: UnitEvidence = {};
  // A chunk of lines at a time (checked as UTF-8 once): no promise per line.
  for await (const chunk of readLineChunks(spec.path, { checkUtf8: options.encoding === 'utf-8' })) yield chunkRecords(chunk, spec, format, options, unitEvidence);
}

/**
 * CoNLL by document: a batch ends at `-DOCSTART-` or, like `readConll`, after `MAX_CONLL_SENTENCES`
 * sentences without one (one warning, at the first such split), so memory holds one document.
 */
async function* conllRecords(spec: InputSpec, options: SourceOptions): AsyncGenerator<RecordBatch> {
  let lines: string[] = [];
  let startLine = 1;
  let bad: Problem[] = [];
  let sentences = 0;
  let inSentence = false;
  let warnedSplit = false;
  const toldOnce = new Set<string>();
  // The column layout is settled by the first block and holds for the whole file.
  const layout = {};
  const flush = (): RecordBatch | null => {
    if (lines.length === 0 && bad.length === 0) return null;
    const result = readConll(lines.join('\n'), { fileName: spec.display, offsets: options.offsets, toldOnce, layout, ...(options.columns ? { columns: options.columns } : {}) });
    const shift = (n: number | undefined) => (n === undefined ? undefined : n + startLine - 1);
    for (const d of result.documents) d.line = shift(d.line);
    const problems = [...bad, ...result.problems.map((p) => ({ ...p, line: shift(p.line) }))];
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { documents: result.documents, problems };
  };
  const restart = (line: number) => {
    lines = [];
    bad = [];
    startLine = line;
    sentences = 0;
  };
  for await (const raw of readLines(spec.path)) {
    const decoded = decodeBytes(raw.bytes, options.encoding);
    let text: string;
    if ('text' in decoded) text = decoded.text;
    else {
      bad.push({ severity: 'error', file: spec.display, line: raw.line, message: invalidUtf8Message(decoded.byte, raw.offset + decoded.invalidAt) });
      text = '';
    }
    const blank = text.trim() === '';
    const docstart = /^-DOCSTART-(\s|$)/.test(text.trim());
    if (docstart && (lines.length > 0 || bad.length > 0)) {
      const batch = flush();
      if (batch) yield batch;
      restart(raw.line);
    }
    if (!blank && !docstart && !inSentence) {
      if (sentences >= MAX_CONLL_SENTENCES) {
        const batch = flush();
        if (batch) yield batch;
        restart(raw.line);
        if (!warnedSplit) {
          warnedSplit = true;
          bad.push({ severity: 'warning', file: spec.display, line: raw.line, message: conllSplitWarning() });
        }
      }
      sentences++;
    }
    inSentence = !blank && !docstart;
    lines.push(text);
  }
  const batch = flush();
  if (batch) yield batch;
}

async function* bratRecords(spec: InputSpec, options: SourceOptions): AsyncGenerator<RecordBatch> {
  let pairs: { base: string; dir: string; display: string }[];
  const orphans: string[] = [];
  if (spec.isDir) {
    const names = (await readdir(spec.path)).sort(naturalOrder);
    const anns = new Set(names.filter((n) => n.toLowerCase().endsWith('.ann')).map((n) => n.slice(0, -4)));
    pairs = [...anns].map((base) => ({ base, dir: spec.path, display: path.join(spec.display, `${base}.ann`) }));
    for (const n of names) if (n.toLowerCase().endsWith('.txt') && !anns.has(n.slice(0, -4))) orphans.push(n);
  } else {
    const base = path.basename(spec.path).replace(/\.(ann|txt)$/i, '');
    const display = spec.display.replace(/\.(ann|txt)$/i, '.ann');
    pairs = [{ base, dir: path.dirname(spec.path), display }];
  }
  for (const pair of pairs) {
    const annPath = path.join(pair.dir, `${pair.base}.ann`);
    const txtPath = path.join(pair.dir, `${pair.base}.txt`);
    const txtDisplay = pair.display.replace(/\.ann$/, '.txt');
    if (!existsSync(txtPath) || !existsSync(annPath)) {
      const missing = existsSync(txtPath) ? pair.display : txtDisplay;
      yield { documents: [], problems: [{ severity: 'error', file: pair.display, message: `${missing} is missing; brat needs both the .txt and the .ann file` }] };
      continue;
    }
    // brat counts a byte order mark as character 0: readBrat drops it and shifts the offsets.
    const txt = await readWholeText(txtPath, txtDisplay, options.encoding, { keepBom: true });
    const ann = await readWholeText(annPath, pair.display, options.encoding);
    if (!('text' in txt) || !('text' in ann)) {
      yield { documents: [], problems: [...('problems' in txt ? txt.problems : []), ...('problems' in ann ? ann.problems : [])] };
      continue;
    }
    yield readBrat({ txt: txt.text, ann: ann.text, name: pair.base }, { fileName: pair.display, offsets: options.offsets });
  }
  for (const n of orphans) yield* textFile(path.join(spec.path, n), path.join(spec.display, n), options);
}

async function* textFile(file: string, display: string, options: SourceOptions): AsyncGenerator<RecordBatch> {
  const whole = await readWholeText(file, display, options.encoding);
  if (!('text' in whole)) return yield { documents: [], problems: whole.problems };
  const result = readPlainText(display, whole.text);
  for (const d of result.documents) d.file = display;
  yield result;
}

async function* wholeFile(spec: InputSpec, options: SourceOptions): AsyncGenerator<RecordBatch> {
  const whole = await readWholeText(spec.path, spec.display, options.encoding);
  if (!('text' in whole)) {
    yield { documents: [], problems: whole.problems };
    return;
  }
  const result = readFiles(spec.format, [{ name: spec.display, text: whole.text }], { offsets: options.offsets, labelNames: options.labelNames, ...(options.columns ? { columns: options.columns } : {}) });
  yield* batchesByRecord(result);
}

/** One batch per group: for sources read whole or a file at a time. */
async function* grouped(batches: AsyncGenerator<RecordBatch>): AsyncGenerator<Iterable<RecordBatch>> {
  for await (const batch of batches) yield [batch];
}

/** A folder of WebAnno TSV files, one document each, in name order. */
async function* webannoFolder(spec: InputSpec, options: SourceOptions): AsyncGenerator<RecordBatch> {
  const names = (await readdir(spec.path)).filter((n) => n.toLowerCase().endsWith('.tsv')).sort(naturalOrder);
  for (const n of names) yield* wholeFile({ ...spec, path: path.join(spec.path, n), display: path.join(spec.display, n), isDir: false }, options);
}

/**
 * Streams the records of an input in order, in groups (a chunk of lines of a JSONL file, read as
 * the group is iterated, or one record); an empty file is one error.
 */
export async function* readRecordGroups(spec: InputSpec, options: SourceOptions): AsyncGenerator<Iterable<RecordBatch>> {
  const format = spec.format;
  if (spec.empty) return yield [{ documents: [], problems: [emptyFileProblem(spec.display)] }];
  if (format === 'brat') return yield* grouped(bratRecords(spec, options));
  if (format === 'webanno' && spec.isDir) return yield* grouped(webannoFolder(spec, options));
  if (format === 'text' && spec.isDir) {
    const names = (await readdir(spec.path)).filter((n) => n.toLowerCase().endsWith('.txt')).sort(naturalOrder);
    for (const n of names) yield* grouped(textFile(path.join(spec.path, n), path.join(spec.display, n), options));
    return;
  }
  if (format === 'conll') return yield* grouped(conllRecords(spec, options));
  if (isJsonlFormat(format)) {
    const head = withoutBom(await firstChunk(spec.path, 4096)).trimStart();
    // A JSON array (doccano's .json export) is read whole; a .txt file as one plain document.
    if (head.startsWith('[') || (format === 'text' && !/\.(jsonl|ndjson)$/i.test(spec.path))) return yield* grouped(wholeFile(spec, options));
    return yield* jsonlRecords(spec, format, options);
  }
  return yield* grouped(wholeFile(spec, options));
}

/** Streams the records of an input in order, one batch at a time (see `readRecordGroups`). */
export async function* readRecords(spec: InputSpec, options: SourceOptions): AsyncGenerator<RecordBatch> {
  for await (const group of readRecordGroups(spec, options)) yield* group;
}
