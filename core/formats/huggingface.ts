/**
 * Hugging Face token classification JSONL: `{"id", "tokens": [...], "ner_tags": [ints]}` plus the label
 * names list (`["O", "B-ACTOR", "I-ACTOR", ...]`, the `names` of the `ner_tags` ClassLabel).
 */
import { spansFromTags, textFromTokens } from './conll.js';
import { TOKEN_FEATURES_KEY, tokenFeaturesOf } from './conll-layout.js';
import { reportNotes, safeLabelSpans } from './conll-write.js';
import { isRecord, parseJsonLines, problemAt, setOwn, spanChange, withoutBom } from './interchange.js';
import { OutputBuffer } from './output-buffer.js';
import type { TagScheme } from './tag-sequences.js';
import { documentTokens, tagSpans, type TaggingOptions } from './token-tagging.js';
import type { ExportItem, ImportedDocument, Problem, ReadOptions, ReadResult, SpanChange, WriteOptions } from './types.js';

/** Options of the Hugging Face reader. */
export interface HuggingFaceReadOptions extends ReadOptions {
  /**
   * Label names by id: an array, or the text of a names file: a JSON array, a ClassLabel `{"names": [...]}`,
   * a `dataset_info.json` with `features.ner_tags.feature.names`, or one name per line.
   */
  labelNames?: readonly string[] | string;
}

/** Options of the Hugging Face writer. */
export interface HuggingFaceWriteOptions extends WriteOptions, TaggingOptions {
  /** Use exactly these label names (ids = positions); spans whose tags are missing are dropped and reported. */
  labelNames?: readonly string[];
  /** One row per document (default) or per sentence. */
  rows?: 'document' | 'sentence';
}

/** What the Hugging Face writer returns. */
export interface HuggingFaceWriteResult {
  output: string;
  /** Label names by id (the ClassLabel `names`). */
  labelNames: string[];
  changes: SpanChange[];
}

/** Parses a label names list from any of the accepted shapes; throws with a readable message. */
export function parseLabelNames(input: readonly string[] | string): string[] {
  if (typeof input !== 'string') return [...input];
  let json: unknown;
  try {
    json = JSON.parse(withoutBom(input));
  } catch {
    return input.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  }
  const feature = isRecord(json) && isRecord(json['features']) ? json['features']['ner_tags'] : undefined;
  const candidates = [json, isRecord(json) ? json['names'] : undefined, isRecord(feature) && isRecord(feature['feature']) ? feature['feature']['names'] : undefined];
  for (const c of candidates) if (Array.isArray(c) && c.every((x) => typeof x === 'string')) return c as string[];
  throw new Error('label names must be a JSON array of strings, a ClassLabel {"names": [...]}, or one name per line');
}

/** Meta key of what a Hugging Face row carried besides tokens and tags: its column order and the name of its tag column. */
export const HF_META_KEY = 'huggingface';

/** The row layout kept in `meta.huggingface`. */
interface HfMeta {
  /** The row's keys in file order (tokens, tags, features and other columns). */
  columns?: string[];
  /** `ner_tags` or `tags`. */
  tags_key?: string;
}

function hfMetaOf(meta: Record<string, unknown>): HfMeta {
  const raw = meta[HF_META_KEY];
  if (!isRecord(raw)) return {};
  const out: HfMeta = {};
  if (Array.isArray(raw['columns']) && raw['columns'].every((c) => typeof c === 'string')) out.columns = raw['columns'] as string[];
  if (typeof raw['tags_key'] === 'string') out.tags_key = raw['tags_key'];
  return out;
}

/**
 * Reads Hugging Face token classification JSONL: text is the tokens joined by spaces and the tokens
 * are kept; other per-token lists (`pos_tags`, `chunk_tags`, …) are kept as token features and the
 * other columns as meta, in their order, for the way back.
 */
export function readHuggingFace(content: string, options: HuggingFaceReadOptions = {}): ReadResult {
  const file = options.fileName;
  const problems: Problem[] = [];
  const documents: ImportedDocument[] = [];
  let names: string[] | undefined;
  if (options.labelNames !== undefined) {
    try {
      names = parseLabelNames(options.labelNames);
    } catch (e) {
      problems.push(problemAt('error', `label names: ${(e as Error).message}`));
    }
  }
  let warnedNoNames = false;
  for (const { line, value } of parseJsonLines(content, problems, file)) {
    if (!isRecord(value)) {
      problems.push(problemAt('error', 'line is not a JSON object', file, line));
      continue;
    }
    const words = value['tokens'];
    const key = value['ner_tags'] !== undefined ? 'ner_tags' : 'tags';
    const ids = value[key];
    if (!Array.isArray(words) || !words.every((t) => typeof t === 'string')) {
      problems.push(problemAt('error', 'record has no "tokens" array of strings', file, line));
      continue;
    }
    if (!Array.isArray(ids) || ids.length !== words.length) {
      problems.push(problemAt('error', `"${key}" must be an array as long as "tokens" (${words.length})`, file, line));
      continue;
    }
    const tags: string[] = [];
    let bad = false;
    ids.forEach((id, i) => {
      if (typeof id === 'string') tags.push(id);
      else if (typeof id === 'number' && names?.[id] !== undefined) tags.push(names[id]!);
      else {
        if (typeof id === 'number' && !names) {
          if (!warnedNoNames) problems.push(problemAt('error', `"${key}" are ids but no label names were given`, file, line));
          warnedNoNames = true;
        } else problems.push(problemAt('error', `${key}[${i}] = ${JSON.stringify(id)} is not a known label id`, file, line));
        bad = true;
        tags.push('O');
      }
    });
    if (bad && !names) continue;
    const { text, tokens } = textFromTokens([words as string[]]);
    const spans = spansFromTags([tags], tokens);
    const meta: Record<string, unknown> = {};
    const features: Record<string, unknown[]> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'tokens' || k === key) continue;
      if (Array.isArray(v) && v.length === words.length && words.length > 0) features[k] = v;
      else setOwn(meta, k, v);
    }
    if (Object.keys(features).length > 0) meta[TOKEN_FEATURES_KEY] = features;
    meta[HF_META_KEY] = { columns: Object.keys(value), ...(key !== 'ner_tags' ? { tags_key: key } : {}) } satisfies HfMeta;
    documents.push({ text, meta, sets: [{ spans }], line, tokens });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { documents, problems };
}

/** Label names for the labels in use: "O", then each label's tags in label order. */
export function labelNamesFor(labels: Iterable<string>, scheme: TagScheme = 'iob2'): string[] {
  const prefixes = scheme === 'bilou' ? ['B', 'I', 'L', 'U'] : ['B', 'I'];
  return ['O', ...[...new Set(labels)].sort().flatMap((l) => prefixes.map((p) => `${p}-${l}`))];
}

/** Meta keys that are Spanlight's own bookkeeping, never Hugging Face columns. */
const NOT_COLUMNS = new Set([TOKEN_FEATURES_KEY, HF_META_KEY, 'conll', 'label_studio', 'webanno', '_prodigy', '_input_hash']);

/**
 * Writes Hugging Face token classification JSONL and its label names: the document's own tokens
 * when it brought them (the core tokenizer's otherwise), its token features (`pos_tags`, …) and, for
 * a document read from Hugging Face, its other columns in their order.
 */
export function writeHuggingFace(items: readonly ExportItem[], options: HuggingFaceWriteOptions = {}): HuggingFaceWriteResult {
  const scheme = options.scheme ?? 'iob2';
  const changes: SpanChange[] = [];
  const labelNames = options.labelNames ? [...options.labelNames] : labelNamesFor(items.flatMap((i) => i.set.spans.map((s) => s.label.replace(/\s+/g, '_'))), scheme);
  const index = new Map(labelNames.map((n, i) => [n, i]));
  const perDoc = new Map<string, number>();
  for (const item of items) perDoc.set(item.doc.id, (perDoc.get(item.doc.id) ?? 0) + 1);
  const prefixes = ['B', 'I', ...(scheme === 'bilou' ? ['L', 'U'] : [])];
  const out = new OutputBuffer(options.sink);
  for (const item of items) {
    const spans = safeLabelSpans(item, changes).filter((s) => {
      const ok = prefixes.every((p) => index.has(`${p}-${s.label}`));
      if (!ok) changes.push(spanChange(item, s, 'dropped', `label ${JSON.stringify(s.label)} is not in the label names`));
      return ok;
    });
    reportNotes(item, 'Hugging Face', changes);
    const tokens = documentTokens(item.doc, options.sentences ?? 'lines', { reuse: true });
    const tagged = tagSpans(item, tokens, spans, scheme);
    changes.push(...tagged.changes);
    const b = tokens.bounds;
    const features = b.index ? tokenFeaturesOf(item.doc.meta, item.doc.tokens!.length) : { names: [], values: [] };
    const layout = hfMetaOf(item.doc.meta);
    const tagsKey = layout.tags_key ?? 'ner_tags';
    const id = perDoc.get(item.doc.id)! > 1 ? `${item.doc.id}#${item.set.annotator}` : item.doc.id;
    const rows: [number, number][] = [];
    if (options.rows === 'sentence') {
      for (let k = 0; k < b.count; k++) if (k === 0 || tokens.sentenceStart[k] === 1) rows.push([k, k]);
      rows.forEach((r, i) => (r[1] = i + 1 < rows.length ? rows[i + 1]![0] : b.count));
    } else rows.push([0, b.count]);
    rows.forEach(([from, to], r) => {
      // Written key by key, list element by element: a row of millions of tokens is never one string.
      const columns = layout.columns ?? ['id', 'tokens', ...features.names, tagsKey];
      const done = new Set<string>();
      let first = true;
      const key = (k: string) => {
        out.push(`${first ? '{' : ','}${JSON.stringify(k)}:`);
        first = false;
        done.add(k);
      };
      const list = (n: number, element: (k: number) => string) => {
        out.push('[');
        for (let k = 0; k < n; k++) out.push(k === 0 ? element(k) : `,${element(k)}`);
        out.push(']');
      };
      const put = (name: string): void => {
        if (done.has(name)) return;
        if (name === 'id') {
          key('id');
          out.push(JSON.stringify(options.rows === 'sentence' ? `${id}-${r}` : id));
        } else if (name === 'tokens') {
          key('tokens');
          list(to - from, (k) => JSON.stringify(item.doc.text.slice(b.starts[from + k]!, b.ends[from + k]!)));
        } else if (name === tagsKey) {
          key(tagsKey);
          list(to - from, (k) => String(index.get(tagged.tags[from + k]!) ?? 0));
        } else {
          const f = features.names.indexOf(name);
          if (f >= 0) {
            key(name);
            list(to - from, (k) => JSON.stringify(features.values[f]![b.index![from + k]!] ?? null));
          } else if (!NOT_COLUMNS.has(name) && Object.hasOwn(item.doc.meta, name) && layout.columns) {
            key(name);
            out.push(JSON.stringify(item.doc.meta[name]) ?? 'null');
          }
        }
      };
      for (const name of columns) put(name);
      for (const name of ['id', 'tokens', ...features.names, tagsKey]) put(name);
      out.push('}\n');
    });
  }
  return { output: out.finish(), labelNames, changes };
}
