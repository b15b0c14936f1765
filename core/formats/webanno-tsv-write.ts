/**
 * Writes WebAnno TSV 3.3 (see `webanno-tsv.ts`): one file per document and annotation set, sentences
 * from the document's own sentences or lines, its own tokens or the core tokenizer's; spans on the
 * named-entity layer (`value` = label, other features from `extra.webanno`) or on the custom layer
 * they came from; a span inside one token becomes a sub-token, other spans off token boundaries are
 * widened to whole tokens and reported. INCEpTION offsets are UTF-16, Spanlight's own.
 */
import type { Span } from '../model.js';
import { documentFileBase, type OutputFile, type PerDocumentWriteOptions } from './brat.js';
import { annotatorTag, isRecord, spanChange } from './interchange.js';
import { OutputBuffer, type TextSink } from './output-buffer.js';
import { documentTokens } from './token-tagging.js';
import type { ExportItem, SpanChange } from './types.js';
import { NAMED_ENTITY, NAMED_ENTITY_FEATURES, WEBANNO_META_KEY, type WebAnnoMeta } from './webanno-tsv.js';

/** What the WebAnno TSV writer returns: a `.tsv` file per (document, annotation set). */
export interface WebAnnoWriteResult {
  files: OutputFile[];
  changes: SpanChange[];
  warnings: string[];
}

/** INCEpTION's escaping of a feature value. */
export function escapeValue(value: string): string {
  return value.replace(/\\|\[|\]|\||_|->|;|\t|\n|\*/g, (m) => (m === '\t' ? '\\t' : m === '\n' ? '\\n' : `\\${m}`));
}

/** INCEpTION's escaping of sentence and token text (TSV 3.2 and later). */
export function escapeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000c\u000d\u000e-\u001f\\\t\n]/g, (m) => {
    switch (m) {
      case '\t': return '\\t';
      case '\n': return '\\n';
      case '\f': return '\\f';
      case '\r': return '\\r';
      case '\b': return '\\b';
      case '\\': return '\\\\';
      default: return `\\${m}`;
    }
  });
}

function webannoOf(meta: Record<string, unknown>): WebAnnoMeta {
  const raw = meta[WEBANNO_META_KEY];
  return isRecord(raw) ? (raw as WebAnnoMeta) : {};
}

/** The layer a span is written on and its feature values (label in the label feature). */
function layerOf(span: Span): { type: string; features: Record<string, unknown>; noValue: boolean } {
  const w = span.extra?.['webanno'];
  const kept = isRecord(w) ? w : {};
  const type = typeof kept['layer'] === 'string' ? kept['layer'] : NAMED_ENTITY;
  return { type, features: isRecord(kept['features']) ? kept['features'] : {}, noValue: kept['no_value'] === true };
}

/** A unit of the file (a token or a sub-token) and the annotations on it, by layer, in the order they were added. */
interface Unit {
  start: number;
  end: number;
  on: Map<string, Span[]>;
}

/** The order INCEpTION serializes annotations in: start, longest first, then the order they came in. */
function rankOf(span: Span): number {
  const w = span.extra?.['webanno'];
  return isRecord(w) && typeof w['rank'] === 'number' ? w['rank'] : 0;
}

function writeOne(item: ExportItem, changes: SpanChange[], warnings: Set<string>, out: OutputBuffer): void {
  const doc = item.doc;
  const text = doc.text;
  const kept = webannoOf(doc.meta);
  const { bounds: b, sentenceStart } = documentTokens(doc);
  // The document's own sentences, when it brought them along with its tokens.
  const starts = kept.sentences && b.index && b.count === doc.tokens?.length && kept.sentences.every((s) => Number.isInteger(s) && s >= 0 && s < b.count)
    ? new Set(kept.sentences)
    : null;
  const isStart = (k: number) => k === 0 || (starts ? starts.has(k) : sentenceStart[k] === 1);
  // The layers the document came with (in their order), then those its spans use; INCEpTION's named entities by default.
  const layers = new Map<string, string[]>(Object.entries(kept.layers ?? (kept.sentences ? {} : { [NAMED_ENTITY]: NAMED_ENTITY_FEATURES })));
  const tokenUnits: (Unit | undefined)[] = [];
  const subUnits = new Map<number, Unit[]>();
  const tokenUnit = (k: number): Unit => (tokenUnits[k] ??= { start: b.starts[k]!, end: b.ends[k]!, on: new Map() });
  const subUnit = (k: number, start: number, end: number): Unit => {
    const list = subUnits.get(k) ?? [];
    subUnits.set(k, list);
    let u = list.find((x) => x.start === start && x.end === end);
    if (!u) list.push((u = { start, end, on: new Map() }));
    return u;
  };
  // Disambiguation ids, as INCEpTION gives them: to every annotation of a unit holding two of one layer, and to multi-token ones.
  const ids = new Map<Span, number>();
  const assign = (span: Span) => {
    if (!ids.has(span)) ids.set(span, ids.size + 1);
  };
  const add = (unit: Unit, span: Span, type: string) => {
    const list = unit.on.get(type) ?? [];
    unit.on.set(type, list);
    if (list.includes(span)) return;
    list.push(span);
    if (list.length > 1) list.forEach(assign);
  };
  const ordered = [...item.set.spans].sort((x, y) => x.start - y.start || y.end - x.end || rankOf(x) - rankOf(y));
  for (const span of ordered) {
    const { type } = layerOf(span);
    if (!layers.has(type)) layers.set(type, kept.layers?.[type] ?? (type === NAMED_ENTITY ? NAMED_ENTITY_FEATURES : ['value']));
    let lo = 0;
    while (lo < b.count && b.ends[lo]! <= span.start) lo++;
    let hi = lo;
    while (hi < b.count && b.starts[hi]! < span.end) hi++;
    hi--;
    if (span.start < 0 || span.end > text.length || span.start >= span.end || lo > hi) {
      changes.push(spanChange(item, span, 'dropped', 'covers no token'));
      continue;
    }
    const start = Math.max(span.start, b.starts[lo]!);
    const end = Math.min(span.end, b.ends[hi]!);
    if (start !== span.start || end !== span.end) changes.push(spanChange(item, span, 'changed', `whitespace at its edges left out: written as ${start}-${end} (WebAnno TSV units are tokens and parts of tokens)`));
    if (start > b.starts[lo]!) add(subUnit(lo, start, Math.min(b.ends[lo]!, end)), span, type);
    else if (lo !== hi || end === b.ends[lo]) add(tokenUnit(lo), span, type);
    for (let k = lo + 1; k < hi; k++) add(tokenUnit(k), span, type);
    if (end < b.ends[hi]!) {
      if (lo !== hi || start === b.starts[lo]) add(subUnit(hi, Math.max(b.starts[hi]!, start), end), span, type);
    } else if (lo !== hi) add(tokenUnit(hi), span, type);
    if (lo !== hi) assign(span);
  }
  const cells = (unit: Unit | undefined): string => {
    const out: string[] = [];
    for (const [type, features] of layers) {
      const here = unit?.on.get(type) ?? [];
      const labelFeature = type === NAMED_ENTITY ? 'value' : features[0];
      for (const feature of features.length > 0 ? features : ['']) {
        if (here.length === 0) {
          out.push('_');
          continue;
        }
        out.push(here.map((span) => {
          const own = layerOf(span);
          const value = feature === labelFeature ? (own.noValue ? null : span.label) : own.features[feature];
          const v = value === undefined || value === null || feature === '' ? '*' : escapeValue(String(value));
          const id = ids.get(span);
          return id !== undefined ? `${v}[${id}]` : v;
        }).join('|'));
      }
    }
    return out.map((c) => `${c}\t`).join('');
  };
  let header = '#FORMAT=WebAnno TSV 3.3\n';
  for (const [type, features] of layers) header += `#T_SP=${type}${features.length > 0 ? `|${features.join('|')}` : ''}\n`;
  out.push(`${header}\n\n`);
  let sentence = 0;
  let tokenNo = 0;
  let previousEnd = 0;
  for (let k = 0; k < b.count; k++) {
    if (isStart(k)) {
      let last = k;
      while (last + 1 < b.count && !isStart(last + 1)) last++;
      const from = b.starts[k]!;
      // INCEpTION rebuilds the text between sentences as one line break and spaces.
      const gap = text.slice(previousEnd, from);
      if (/\S/.test(gap)) warnings.add('text outside the tokens between sentences is not held by WebAnno TSV: it comes back as spaces');
      else if (k > 0 ? gap !== '' && !/^\n *$/.test(gap) : !/^ *$/.test(gap)) warnings.add('whitespace between sentences other than one line break (a CRLF, a blank line) comes back as a line break and spaces');
      sentence++;
      tokenNo = 0;
      if (sentence > 1) out.push('\n');
      const id = starts ? kept.sentence_ids?.[kept.sentences!.indexOf(k)] : undefined;
      if (typeof id === 'string') out.push(`#Sentence.id=${escapeText(id)}\n`);
      for (const piece of text.slice(from, b.ends[last]!).split('\n')) out.push(`#Text=${escapeText(piece)}\n`);
      previousEnd = b.ends[last]!;
    }
    tokenNo++;
    out.push(`${sentence}-${tokenNo}\t${b.starts[k]}-${b.ends[k]}\t${escapeText(text.slice(b.starts[k]!, b.ends[k]!))}\t${cells(tokenUnits[k])}\n`);
    (subUnits.get(k) ?? []).forEach((unit, i) => {
      out.push(`${sentence}-${tokenNo}.${i + 1}\t${unit.start}-${unit.end}\t${escapeText(text.slice(unit.start, unit.end))}\t${cells(unit)}\n`);
    });
  }
  const tail = text.slice(previousEnd);
  if (/\S/.test(tail)) warnings.add('text after a document\'s last token is not held by WebAnno TSV');
  else if (tail !== '') warnings.add('a line break or spaces after a document\'s last token are not held by WebAnno TSV');
}

/** Options of the WebAnno TSV writer. */
export interface WebAnnoWriteOptions extends PerDocumentWriteOptions {
  /** Receives each file as it is written (a name, then its text in pieces); such files are not in `files`. */
  open?: (name: string) => TextSink;
}

/**
 * Writes one WebAnno TSV 3.3 file per item, named after the document (see `documentFileBase`), a
 * second set of one document with the annotator in its name.
 */
export function writeWebAnnoTsv(items: readonly ExportItem[], options: WebAnnoWriteOptions = {}): WebAnnoWriteResult {
  const changes: SpanChange[] = [];
  const warnings = new Set<string>();
  const files: OutputFile[] = [];
  const used = new Set<string>();
  let position = options.firstIndex ?? 0;
  const positions = new Map<string, number>();
  for (const item of items) {
    if (!positions.has(item.doc.id)) positions.set(item.doc.id, position++);
    const first = documentFileBase(item.doc, positions.get(item.doc.id)!);
    let base = used.has(first.toLowerCase()) ? `${first}.${annotatorTag(item.set.annotator)}` : first;
    for (let k = 2; used.has(base.toLowerCase()); k++) base = `${first}.${k}`;
    used.add(base.toLowerCase());
    for (const s of item.set.spans) if (s.note !== undefined && s.note !== '') changes.push(spanChange(item, s, 'changed', `its note ${JSON.stringify(s.note)} is not written: the named-entity layer has no note feature`));
    const name = `${base}.tsv`;
    const out = new OutputBuffer(options.open?.(name));
    writeOne(item, changes, warnings, out);
    const content = out.finish();
    if (!options.open) files.push({ name, content });
  }
  return { files, changes, warnings: [...warnings] };
}
