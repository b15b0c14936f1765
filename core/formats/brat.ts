/**
 * brat standoff: a `.txt` document plus a `.ann` file of `T1\tLABEL START END\tTEXT` lines
 * (discontinuous `START END;START END`) and `#1\tAnnotatorNotes T1\tNOTE` lines. brat counts code points.
 */
import { sortSpans, type Span } from '../model.js';
import { annotatorTag, detectUnit, exportOffsets, flattenLineBreaks, isLineBreakCode, problemAt, spanChange, UnitConverter, withoutBom } from './interchange.js';
import type { TextedOffsets } from './interchange.js';
import type { ExportItem, ImportedSpan, OffsetUnit, Problem, ReadOptions, ReadResult, SpanChange, WriteOptions } from './types.js';

/** One brat document: the text and its standoff annotations. */
export interface BratInput {
  /**
   * The `.txt` exactly as decoded, a leading UTF-8 byte order mark included: brat (Python's utf-8
   * codec) counts it as character 0, so the reader drops it and shifts every offset by one.
   */
  txt: string;
  ann: string;
  /** Base name (no extension), kept as `meta.source` and used in messages. */
  name?: string;
}

/** A file a writer produced. */
export interface OutputFile {
  name: string;
  content: string;
}

/** What the brat writer returns: a `.txt` and a `.ann` file per (document, annotation set). */
export interface BratWriteResult {
  files: OutputFile[];
  changes: SpanChange[];
}

/** Text-bound annotation line: id, type, fragments, text. */
const T_LINE = /^(T\S*)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/s;
/** Note line: id, note type, target id, note. */
const NOTE_LINE = /^(#\S*)\t(\S+) (\S+)\t(.*)$/s;

/** Regular expression of the `.ann` lines the writer emits (text-bound and note lines). */
export const BRAT_LINE_GRAMMAR = /^(T\d+\t\S+ \d+ \d+(;\d+ \d+)*\t[^\n\r]*|#\d+\tAnnotatorNotes T\d+\t[^\n\r]*)$/;

interface RawT {
  id: string;
  label: string;
  fragments: [number, number][];
  text: string;
  line: number;
}

/** Reads one brat `.txt` + `.ann` pair into a document with one annotation set. */
export function readBrat(input: BratInput, options: ReadOptions = {}): ReadResult {
  const file = options.fileName ?? (input.name !== undefined ? `${input.name}.ann` : undefined);
  const problems: Problem[] = [];
  const bom = input.txt.charCodeAt(0) === 0xfeff;
  const txtWithBom = input.txt;
  const text = bom ? input.txt.slice(1) : input.txt;
  if (bom) {
    problems.push(problemAt('warning', `${input.name ?? 'the'}.txt starts with a UTF-8 byte order mark, which brat counts as character 0: the mark is dropped and every offset shifted back by one`, file));
  }
  const ts: RawT[] = [];
  const notes = new Map<string, string[]>();
  withoutBom(input.ann).split('\n').forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    const n = i + 1;
    if (line.trim() === '') return;
    if (line.startsWith('T')) {
      const m = T_LINE.exec(line);
      if (!m) {
        problems.push(problemAt('error', `malformed text-bound annotation (expected "T1<TAB>TYPE START END<TAB>TEXT"): ${clip(line)}`, file, n));
        return;
      }
      const fragments = m[3]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      ts.push({ id: m[1]!, label: m[2]!, fragments, text: m[4]!, line: n });
      return;
    }
    if (line.startsWith('#')) {
      const m = NOTE_LINE.exec(line);
      if (m && m[2] === 'AnnotatorNotes') {
        notes.set(m[3]!, [...(notes.get(m[3]!) ?? []), m[4]!]);
        return;
      }
    }
    problems.push(problemAt('warning', `annotation line type "${line[0]}" is not supported (only T lines and AnnotatorNotes); skipped: ${clip(line)}`, file, n));
  });
  // Offsets index the text as brat saw it (with the mark); shift by one after converting.
  const conv = new UnitConverter(txtWithBom);
  const shift = bom ? 1 : 0;
  const single: TextedOffsets[] = ts.filter((t) => t.fragments.length === 1).map((t) => ({ start: t.fragments[0]![0], end: t.fragments[0]![1], text: t.text }));
  const unit = detectUnit(conv, single, options.offsets ?? 'codepoint');
  const spans: ImportedSpan[] = [];
  const known = new Set<string>();
  for (const t of ts) {
    known.add(t.id);
    if (t.fragments.length > 1) {
      problems.push(problemAt('warning', `${t.id} is discontinuous (${t.fragments.length} fragments); read as ${t.fragments.length} separate spans`, file, t.line));
    }
    const covered = t.fragments.map(([s, e]) => conv.slice(s, e, unit));
    if (covered.some((c) => c === null)) {
      problems.push(problemAt('error', `${t.id} offsets ${t.fragments.map((f) => f.join(' ')).join(';')} are outside the text (length ${conv.length(unit)}); skipped`, file, t.line));
      continue;
    }
    if (covered.join(' ') !== t.text) {
      problems.push(problemAt('error', `${t.id} text ${JSON.stringify(t.text)} does not match the document text at its offsets (${JSON.stringify(covered.join(' '))}); skipped`, file, t.line));
      continue;
    }
    if (shift > 0 && t.fragments.some(([s]) => s === 0)) {
      problems.push(problemAt('error', `${t.id} starts on the byte order mark (offset 0); skipped`, file, t.line));
      continue;
    }
    const note = notes.get(t.id)?.join('\n');
    for (const [s, e] of t.fragments) {
      const span: ImportedSpan = { start: conv.toUtf16(s, unit)! - shift, end: conv.toUtf16(e, unit)! - shift, label: t.label, source: 'imported' };
      if (note !== undefined) span.note = note;
      // Its id goes back out with it (a discontinuous one's pieces get new ones).
      if (t.fragments.length === 1) span.extra = { brat: { id: t.id } };
      spans.push(span);
    }
  }
  for (const target of notes.keys()) {
    if (!known.has(target)) problems.push(problemAt('warning', `AnnotatorNotes for unknown annotation ${target} skipped`, file));
  }
  const meta = input.name !== undefined ? { source: input.name } : {};
  return { documents: [{ text, meta, sets: [{ spans }], line: 1, ...(file !== undefined ? { file } : {}) }], problems };
}

function clip(line: string): string {
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** UTF-16 pieces of `[start, end)` between line breaks (empty pieces omitted). */
function lineFragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || isLineBreakCode(text.charCodeAt(i))) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  return out;
}

/** Builds the `.ann` content of one item. */
function writeAnn(item: ExportItem, unit: OffsetUnit, changes: SpanChange[]): string {
  const conv = new UnitConverter(item.doc.text);
  const lines: string[] = [];
  let t = 0;
  let note = 0;
  const spans = sortSpans(item.set.spans);
  // The ids the spans came with, when each is still one span's; the others get the next free ones.
  const keptId = (span: Span): string | undefined => {
    const brat = span.extra?.['brat'];
    const id = typeof brat === 'object' && brat !== null ? (brat as Record<string, unknown>)['id'] : undefined;
    return typeof id === 'string' && /^T\d+$/.test(id) ? id : undefined;
  };
  const idUses = new Map<string, number>();
  for (const s of spans) {
    const id = keptId(s);
    if (id) idUses.set(id, (idUses.get(id) ?? 0) + 1);
  }
  const nextId = (): string => {
    let id: string;
    do id = `T${++t}`;
    while (idUses.has(id));
    return id;
  };
  for (const span of spans) {
    const o = exportOffsets(item, span, conv, unit, changes);
    if (!o) continue;
    const u16Start = conv.toUtf16(o.start, unit)!;
    const frags = lineFragments(item.doc.text, u16Start, u16Start + o.text.length);
    if (frags.length === 0) {
      changes.push(spanChange(item, span, 'dropped', o.text === '' ? 'empty span cannot be written to brat' : 'span covers only line breaks'));
      continue;
    }
    if (frags.length > 1) {
      changes.push(spanChange(item, span, 'changed', `crosses a line break: written as ${frags.length} discontinuous fragments (read back as separate spans)`));
    } else if (frags[0]![0] !== u16Start || frags[0]![1] !== u16Start + o.text.length) {
      changes.push(spanChange(item, span, 'changed', 'line breaks at its edges left out (brat text fields cannot hold them)'));
    }
    let label = span.label;
    if (!/^\S+$/.test(label)) {
      label = label.replace(/\s+/g, '_') || '_';
      changes.push(spanChange(item, span, 'changed', `label ${JSON.stringify(span.label)} written as ${JSON.stringify(label)} (brat types cannot contain spaces)`));
    }
    const offsets = frags.map(([s, e]) => `${conv.fromUtf16(s, unit)} ${conv.fromUtf16(e, unit)}`).join(';');
    const fragText = frags.map(([s, e]) => item.doc.text.slice(s, e)).join(' ');
    const kept = keptId(span);
    const id = kept && idUses.get(kept) === 1 ? kept : nextId();
    lines.push(`${id}\t${label} ${offsets}\t${fragText}`);
    if (span.note !== undefined && span.note !== '') {
      const flat = flattenLineBreaks(span.note);
      if (flat !== span.note) changes.push(spanChange(item, span, 'changed', 'note line breaks written as spaces'));
      lines.push(`#${++note}\tAnnotatorNotes ${id}\t${flat}`);
    }
  }
  return lines.map((l) => l + '\n').join('');
}

/** Windows device names, which cannot be file names whatever the extension. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A safe file base name for a document: its source file's base name (a known extension dropped),
 * else the id its file gave it (doccano's, say), else its position in the export (`doc-00001`), so a
 * folder read back in name order gives the documents back in their order. No path separators,
 * control or reserved characters, no leading or trailing dot, at most 120 bytes of UTF-8.
 */
export function documentFileBase(doc: ExportItem['doc'], position: number): string {
  const source = doc.meta['source'];
  const id = doc.meta['id'];
  const raw = typeof source === 'string' && source.trim() !== ''
    ? (source.split(/[\\/]/).pop() ?? '').replace(/\.(txt|ann|jsonl?|ndjson|conll|tsv)$/i, '')
    : typeof id === 'number' || (typeof id === 'string' && id.trim() !== '') ? String(id) : '';
  // eslint-disable-next-line no-control-regex
  let name = raw.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  name = withinBytes(name, MAX_BASE_BYTES).replace(/[.\s]+$/, '');
  if (RESERVED_NAMES.test(name)) name = `_${name}`;
  return name || `doc-${String(position + 1).padStart(5, '0')}`;
}

/** Longest base name in UTF-8 bytes: file systems allow 255 bytes, and an annotator tag, a number and an extension may follow. */
const MAX_BASE_BYTES = 120;

/** The longest prefix of `s` (whole code points) of at most `max` bytes of UTF-8. */
function withinBytes(s: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > max) break;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** Options of the brat writer (and of the other one-file-per-document writers). */
export interface PerDocumentWriteOptions extends WriteOptions {
  /** Position in the whole export of the first item (a writer called a document at a time names unnamed ones by position). */
  firstIndex?: number;
}

/**
 * Writes one `.txt` (the text, unchanged) and `.ann` pair per item, offsets in code points unless
 * asked. Files are named after the document (see `documentFileBase`); a second set of one document
 * adds the annotator, other clashes a number.
 */
export function writeBrat(items: readonly ExportItem[], options: PerDocumentWriteOptions = {}): BratWriteResult {
  const unit = options.offsets ?? 'codepoint';
  const changes: SpanChange[] = [];
  const files: OutputFile[] = [];
  const used = new Set<string>();
  const taken = (b: string) => used.has(b.toLowerCase());
  const docOf = new Map<string, string>();
  let position = options.firstIndex ?? 0;
  const positions = new Map<string, number>();
  for (const item of items) {
    if (!positions.has(item.doc.id)) positions.set(item.doc.id, position++);
    const first = documentFileBase(item.doc, positions.get(item.doc.id)!);
    let base = first;
    if (taken(base) && docOf.get(base.toLowerCase()) === item.doc.id) base = `${first}.${annotatorTag(item.set.annotator)}`;
    for (let k = 2; taken(base); k++) base = `${first}.${k}`;
    used.add(base.toLowerCase());
    docOf.set(base.toLowerCase(), item.doc.id);
    files.push({ name: `${base}.txt`, content: item.doc.text });
    files.push({ name: `${base}.ann`, content: writeAnn(item, unit, changes) });
  }
  return { files, changes };
}
