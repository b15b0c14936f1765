/**
 * Writes CoNLL: per document a `-DOCSTART- -X- O O` line and a blank line (the CoNLL-2003 layout,
 * which spaCy's `conll_ner_to_docs` and the Hugging Face `conll2003` loader both split on) — or the
 * comment lines it came with — then one line per token, a blank line after each sentence. A document
 * read from CoNLL (or Hugging Face) is written in the columns it came with: index, token, features
 * (POS, chunk, …) and one tag column per NER layer, over its own tokens.
 */
import type { Span } from '../model.js';
import { conllMetaOf, tokenFeaturesOf, type ColumnRole } from './conll-layout.js';
import { spanChange } from './interchange.js';
import { OutputBuffer } from './output-buffer.js';
import { documentTokens, tagSpans, type TaggingOptions } from './token-tagging.js';
import type { ExportItem, SpanChange, WriteOptions, WriteResult } from './types.js';

/** Options of the CoNLL writer. */
export interface ConllWriteOptions extends WriteOptions, TaggingOptions {
  /** Column separator; default: the one the document came with, else a tab. */
  separator?: '\t' | ' ';
}

/** The document separator line, as the CoNLL-2003 files have it and spaCy's converter looks for it. */
export const DOCSTART_LINE = '-DOCSTART- -X- O O';

/** The layer (NER column, 1-based) a span belongs to: `extra.conll.layer`, else 1. */
export function spanLayer(span: Span): number {
  const conll = span.extra?.['conll'];
  const layer = typeof conll === 'object' && conll !== null ? (conll as Record<string, unknown>)['layer'] : undefined;
  return typeof layer === 'number' && Number.isInteger(layer) && layer > 1 ? layer : 1;
}

/** Spans whose labels hold no whitespace (which would break a tag column), renames reported. */
export function safeLabelSpans(item: ExportItem, changes: SpanChange[]): Span[] {
  return item.set.spans.map((s) => {
    if (/^\S+$/.test(s.label)) return s;
    const label = s.label.replace(/\s+/g, '_') || '_';
    changes.push(spanChange(item, s, 'changed', `label ${JSON.stringify(s.label)} written as ${JSON.stringify(label)} (tags cannot contain spaces)`));
    return { ...s, label };
  });
}

/** Reports each span note a token format cannot hold. */
export function reportNotes(item: ExportItem, format: string, changes: SpanChange[]): void {
  for (const s of item.set.spans) {
    if (s.note !== undefined && s.note !== '') changes.push(spanChange(item, s, 'changed', `its note ${JSON.stringify(s.note)} is not written: ${format} has no place for span notes`));
  }
}

const NO_SPACE = /\s/g;

/** A cell value: whitespace (which would split the column) written as `_`, an empty value as `_`. */
function cell(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  return s === '' ? '_' : s.replace(NO_SPACE, '_');
}

/** Writes CoNLL (see the module comment); spans that cannot be tagged as they are are reported. */
export function writeConll(items: readonly ExportItem[], options: ConllWriteOptions = {}): WriteResult {
  const changes: SpanChange[] = [];
  const warnings = new Set<string>();
  const out = new OutputBuffer(options.sink);
  for (const item of items) {
    const doc = item.doc;
    const text = doc.text;
    const layout = conllMetaOf(doc.meta);
    const tokens = documentTokens(doc, options.sentences ?? 'lines', { reuse: true });
    const b = tokens.bounds;
    const own = b.index !== undefined;
    const features = own ? tokenFeaturesOf(doc.meta, doc.tokens!.length) : { names: [], values: [] };
    let roles: ColumnRole[] = layout.columns ?? ['token', ...features.names, 'ner'];
    if (!roles.includes('token') || !roles.includes('ner')) roles = ['token', ...features.names, 'ner'];
    const sep = options.separator ?? layout.separator ?? '\t';
    const layers = roles.filter((r) => r === 'ner').length;
    const spans = safeLabelSpans(item, changes);
    reportNotes(item, 'CoNLL', changes);
    const tagsByLayer: string[][] = [];
    for (let layer = 1; layer <= layers; layer++) {
      const mine = spans.filter((s) => Math.min(spanLayer(s), layers) === layer);
      const tagged = tagSpans(item, tokens, mine, options.scheme ?? 'iob2');
      changes.push(...tagged.changes);
      tagsByLayer.push(tagged.tags);
    }
    const featureIndex = new Map(features.names.map((n, i) => [n, features.values[i]!]));
    for (const r of roles) {
      if (r !== 'token' && r !== 'ner' && r !== 'index' && r !== '_' && !featureIndex.has(r)) {
        warnings.add(`the column "${r}" of the layout a document came with has no values for its tokens now: written as _`);
      }
    }
    out.push(layout.comments ? `${layout.comments.join('\n')}\n` : `${DOCSTART_LINE}\n\n`);
    // The usual layout, token and tag over the core tokenizer's tokens (which hold no whitespace): a
    // sentence at a time, no per-column work.
    if (!own && roles.length === 2 && roles[0] === 'token' && roles[1] === 'ner') {
      const tags = tagsByLayer[0]!;
      let sentence = '';
      for (let k = 0; k < b.count; k++) {
        if (tokens.sentenceStart[k] === 1 && k > 0) {
          out.push(`${sentence}\n`);
          sentence = '';
        }
        sentence += `${text.slice(b.starts[k]!, b.ends[k]!)}${sep}${tags[k]!}\n`;
        // A sentence of millions of tokens (a text with no line break) goes out in pieces too.
        if (sentence.length > 1 << 16) {
          out.push(sentence);
          sentence = '';
        }
      }
      out.push(sentence);
    } else {
      let sentenceFirst = 0;
      for (let k = 0; k < b.count; k++) {
        if (tokens.sentenceStart[k] === 1 && k > 0) {
          out.push('\n');
          sentenceFirst = k;
        }
        const tokenText = text.slice(b.starts[k]!, b.ends[k]!);
        let layer = 0;
        let line = '';
        for (let c = 0; c < roles.length; c++) {
          const r = roles[c]!;
          let value: string;
          if (r === 'token') {
            value = own ? cell(tokenText) : tokenText;
            if (own && value !== tokenText) warnings.add(`a token holding whitespace or nothing (${JSON.stringify(tokenText)}) is written with _ in its place`);
          } else if (r === 'ner') value = tagsByLayer[layer++]![k]!;
          else if (r === 'index') value = String(k - sentenceFirst + 1);
          else if (r === '_') value = '_';
          else value = cell(featureIndex.get(r)?.[b.index![k]!]);
          line += c === 0 ? value : sep + value;
        }
        out.push(`${line}\n`);
      }
    }
    if (b.count > 0) out.push('\n');
  }
  return { output: out.finish(), changes, warnings: [...warnings] };
}
