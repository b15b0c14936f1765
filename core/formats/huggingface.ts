/**
 * Hugging Face token classification JSONL: `{"id", "tokens": [...], "ner_tags": [ints]}` plus the label
 * names list (`["O", "B-ACTOR", "I-ACTOR", ...]`, the `names` of the `ner_tags` ClassLabel).
 */
import { documentFromTokens, tagItem } from './conll.js';
import type { TagScheme, TaggingOptions } from './conll.js';
import { isRecord, metaWithout, parseJsonLines, problemAt, spanChange, withoutBom } from './interchange.js';
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

/** Reads Hugging Face token classification JSONL; text is the tokens joined by spaces. */
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
    const tokens = value['tokens'];
    const key = value['ner_tags'] !== undefined ? 'ner_tags' : 'tags';
    const ids = value[key];
    if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string')) {
      problems.push(problemAt('error', 'record has no "tokens" array of strings', file, line));
      continue;
    }
    if (!Array.isArray(ids) || ids.length !== tokens.length) {
      problems.push(problemAt('error', `"${key}" must be an array as long as "tokens" (${tokens.length})`, file, line));
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
    const { text, spans } = documentFromTokens([{ tokens: tokens as string[], tags }]);
    documents.push({ text, meta: metaWithout(value, ['tokens', 'ner_tags', 'tags']), sets: [{ spans }], line });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { documents, problems };
}

/** Label names for the labels in use: "O", then each label's tags in label order. */
export function labelNamesFor(labels: Iterable<string>, scheme: TagScheme = 'iob2'): string[] {
  const prefixes = scheme === 'bilou' ? ['B', 'I', 'L', 'U'] : ['B', 'I'];
  return ['O', ...[...new Set(labels)].sort().flatMap((l) => prefixes.map((p) => `${p}-${l}`))];
}

/** Writes Hugging Face token classification JSONL (tokens from the shared tokenizer) and its label names. */
export function writeHuggingFace(items: readonly ExportItem[], options: HuggingFaceWriteOptions = {}): HuggingFaceWriteResult {
  const scheme = options.scheme ?? 'iob2';
  const changes: SpanChange[] = [];
  const labelNames = options.labelNames ? [...options.labelNames] : labelNamesFor(items.flatMap((i) => i.set.spans.map((s) => s.label.replace(/\s+/g, '_'))), scheme);
  const index = new Map(labelNames.map((n, i) => [n, i]));
  const perDoc = new Map<string, number>();
  for (const item of items) perDoc.set(item.doc.id, (perDoc.get(item.doc.id) ?? 0) + 1);
  const lines: string[] = [];
  for (const item of items) {
    const spans = item.set.spans.filter((s) => {
      const label = s.label.replace(/\s+/g, '_');
      const ok = ['B', 'I', ...(scheme === 'bilou' ? ['L', 'U'] : [])].every((p) => index.has(`${p}-${label}`));
      if (!ok) changes.push(spanChange(item, s, 'dropped', `label ${JSON.stringify(s.label)} is not in the label names`));
      else if (label !== s.label) changes.push(spanChange(item, s, 'changed', `label written as ${JSON.stringify(label)} (no spaces in tags)`));
      return ok;
    }).map((s) => ({ ...s, label: s.label.replace(/\s+/g, '_') }));
    const tagged = tagItem({ doc: item.doc, set: { ...item.set, spans } }, options);
    changes.push(...tagged.changes);
    const id = perDoc.get(item.doc.id)! > 1 ? `${item.doc.id}#${item.set.annotator}` : item.doc.id;
    const rows = options.rows === 'sentence'
      ? tagged.sentences.map((s, k) => ({ id: `${id}-${k}`, sentences: [s] }))
      : [{ id, sentences: tagged.sentences }];
    for (const row of rows) {
      const tokens = row.sentences.flatMap((s) => s.tokens.map((t) => t.text));
      const nerTags = row.sentences.flatMap((s) => s.tags.map((t) => index.get(t) ?? 0));
      lines.push(JSON.stringify({ id: row.id, tokens, ner_tags: nerTags }));
    }
  }
  return { output: lines.map((l) => l + '\n').join(''), labelNames, changes };
}
