/**
 * CoNLL token-per-line files: a token, per-token features (POS, chunk, …) and NER tags in columns
 * separated by tabs or spaces (the layout: `conll-layout.ts`), blank lines between sentences,
 * `-DOCSTART-` lines (or `#` comment lines) between documents. Reads IOB2, IOB1, BILOU and BIOES
 * (tag sequences: `tag-sequences.ts`); writes IOB2 or BILOU (`conll-write.ts`). A document read here
 * keeps its tokens, its features and its layout, so writing it back gives the same tokens and tags.
 */
import type { DocToken } from '../model.js';
import { CONLL_META_KEY, TOKEN_FEATURES_KEY, describeColumns, detectColumns, type ColumnRole, type ConllMeta } from './conll-layout.js';
import { problemAt, withoutBom } from './interchange.js';
import { blockScheme, decodeTags, isTag, tagProblems } from './tag-sequences.js';
import type { ImportedDocument, ImportedSpan, Problem, ReadOptions, ReadResult } from './types.js';

export type { TagScheme } from './tag-sequences.js';
export type { SentenceSplit, TaggingOptions } from './token-tagging.js';
export { writeConll, type ConllWriteOptions } from './conll-write.js';

/** Options of the CoNLL reader. */
export interface ConllReadOptions extends ReadOptions {
  /** One document per `-DOCSTART-` block (default; a file without any is one document) or per sentence. */
  documents?: 'docstart' | 'sentence';
  /** Once-per-file warnings already given by earlier calls on the same file (the CLI reads it block by block). */
  toldOnce?: Set<string>;
  /** Column roles (see `parseColumns`); detected from the file's first sentence when absent. */
  columns?: readonly ColumnRole[];
  /** The layout settled by an earlier call on the same file (the CLI reads it block by block): filled by the first call. */
  layout?: { roles?: ColumnRole[]; separator?: ' ' | '\t' };
}

/**
 * Most sentences in one document when no `-DOCSTART-` starts a new one: a file without any would
 * otherwise be one document as large as the file. Readers (core and the CLI) end the document there.
 */
export const MAX_CONLL_SENTENCES = 1000;

/** The warning given (once per file) where the first such split happens. */
export function conllSplitWarning(): string {
  return `no -DOCSTART- for ${MAX_CONLL_SENTENCES} sentences: a new document starts here, and after every ${MAX_CONLL_SENTENCES} sentences without one`;
}

/** The first line of a WebAnno TSV file (INCEpTION's export), which CoNLL readers must not take for tokens. */
export const WEBANNO_HEADER = /^#FORMAT=WebAnno TSV\b/;

/**
 * The text of sentences of tokens (tokens joined by spaces, sentences by "\n") and the offsets of
 * every token in it.
 */
export function textFromTokens(sentences: readonly (readonly string[])[]): { text: string; tokens: DocToken[] } {
  let text = '';
  const tokens: DocToken[] = [];
  sentences.forEach((s, k) => {
    if (k > 0) text += '\n';
    s.forEach((tok, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += tok;
      tokens.push({ start, end: text.length });
    });
  });
  return { text, tokens };
}

/**
 * Spans of tag sequences (one per sentence) over tokens laid out by `textFromTokens`; spans of a
 * second or later NER column carry their `layer` (`extra.conll.layer`).
 */
export function spansFromTags(sentences: readonly (readonly string[])[], tokens: readonly DocToken[], layer = 1): ImportedSpan[] {
  const spans: ImportedSpan[] = [];
  let base = 0;
  for (const tags of sentences) {
    for (const t of decodeTags(tags)) {
      const span: ImportedSpan = { start: tokens[base + t.start]!.start, end: tokens[base + t.end - 1]!.end, label: t.label, source: 'imported' };
      if (layer > 1) span.extra = { conll: { layer } };
      spans.push(span);
    }
    base += tags.length;
  }
  return spans;
}

/** Builds a document from sentences of tokens and tags: tokens joined by spaces, sentences by "\n". */
export function documentFromTokens(sentences: readonly { tokens: readonly string[]; tags: readonly string[] }[]): { text: string; spans: ImportedSpan[]; tokens: DocToken[] } {
  const { text, tokens } = textFromTokens(sentences.map((s) => s.tokens));
  return { text, tokens, spans: spansFromTags(sentences.map((s) => s.tags), tokens) };
}

/** One line of a sentence: its cells and its 1-based number. */
interface Row {
  cells: string[];
  line: number;
}

interface Block {
  line: number;
  comments: string[];
  sentences: Row[][];
}

function cellsOf(line: string): string[] {
  return line.includes('\t') ? line.split('\t').map((c) => c.trim()) : line.trim().split(/\s+/);
}

/** A comment line: `#` first, and not a token line (a `#` token is followed by a tag). */
function isComment(cells: readonly string[]): boolean {
  return cells[0]!.startsWith('#') && (cells.length === 1 || !isTag(cells[cells.length - 1]!));
}

/**
 * Reads CoNLL into documents whose text is the tokens joined by spaces (sentences by "\n"), with
 * those tokens, the feature columns (`meta.token_features`) and the layout (`meta.conll`) kept. A
 * document ends at `-DOCSTART-`, before comment lines, or after `MAX_CONLL_SENTENCES` sentences (one
 * warning at the first such split). Tag sequences are checked under each block's scheme: I-/L-
 * without B- and unclosed BILOU chunks are warnings naming the line.
 */
export function readConll(content: string, options: ConllReadOptions = {}): ReadResult {
  const file = options.fileName;
  const problems: Problem[] = [];
  const toldOnce = options.toldOnce ?? new Set<string>();
  const layout = options.layout ?? {};
  const lines = withoutBom(content).split('\n');
  const firstContent = lines.find((l) => l.trim() !== '');
  if (firstContent !== undefined && WEBANNO_HEADER.test(firstContent)) {
    problems.push(problemAt('error', `this is a WebAnno TSV file (INCEpTION's export format, "${firstContent.trim()}"), not CoNLL: read it as webanno (--from webanno)`, file, lines.indexOf(firstContent) + 1));
    return { documents: [], problems };
  }
  const blocks: Block[] = [];
  let block: Block | null = null;
  let sentence: Row[] | null = null;
  let comments: string[] = [];
  let commentLine = 0;
  let warnedSplit = false;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const n = i + 1;
    if (line.trim() === '') {
      sentence = null;
      return;
    }
    const cells = cellsOf(line);
    if (cells[0] === '-DOCSTART-') {
      block = { line: n, comments: [], sentences: [] };
      blocks.push(block);
      sentence = null;
      return;
    }
    if (isComment(cells)) {
      if (comments.length === 0) commentLine = n;
      comments.push(line);
      sentence = null;
      return;
    }
    layout.separator ??= line.includes('\t') ? '\t' : ' ';
    const full = !sentence && block !== null && (block as Block).sentences.length >= MAX_CONLL_SENTENCES;
    if (!block || comments.length > 0 || (options.documents === 'sentence' && !sentence) || full) {
      if (full && comments.length === 0 && options.documents !== 'sentence' && !warnedSplit) {
        problems.push(problemAt('warning', conllSplitWarning(), file, n));
        warnedSplit = true;
      }
      const open = block as Block | null;
      // Comments right after a -DOCSTART- line belong to that document.
      if (open && open.sentences.length === 0 && comments.length > 0 && !sentence) open.comments.push(...comments);
      else {
        block = { line: comments.length > 0 ? commentLine : n, comments, sentences: [] };
        blocks.push(block);
      }
      comments = [];
    }
    if (!sentence) {
      sentence = [];
      (block as Block).sentences.push(sentence);
    }
    (sentence as Row[]).push({ cells, line: n });
  });
  if (comments.length > 0) problems.push(problemAt('warning', `${comments.length} comment line(s) at the end, with no sentence after them, are not kept`, file, commentLine));
  const first = blocks.find((b) => b.sentences.length > 0)?.sentences[0];
  if (!layout.roles && first) {
    if (options.columns) layout.roles = [...options.columns];
    else {
      const detected = detectColumns(first.map((r) => r.cells));
      layout.roles = detected.roles;
      if (detected.statement && !toldOnce.has('columns')) {
        toldOnce.add('columns');
        problems.push(problemAt('warning', detected.statement, file, first[0]!.line));
      }
    }
  }
  const documents: ImportedDocument[] = [];
  for (const b of blocks) {
    if (b.sentences.length === 0) continue;
    documents.push(buildDocument(b, layout.roles!, layout.separator ?? '\t', problems, file));
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { documents, problems };
}

/** Turns one block of rows into a document under the file's column roles. */
function buildDocument(block: Block, roles: readonly ColumnRole[], separator: ' ' | '\t', problems: Problem[], file: string | undefined): ImportedDocument {
  const tokenAt = roles.indexOf('token');
  const nerAt = roles.flatMap((r, i) => (r === 'ner' ? [i] : []));
  const featureAt = roles.flatMap((r, i) => (r !== 'token' && r !== 'ner' && r !== 'index' && r !== '_' ? [i] : []));
  const plain = roles.length === 2 && tokenAt === 0 && nerAt[0] === 1;
  const words: string[][] = [];
  const layers: string[][][] = nerAt.map(() => []);
  const features: string[][] = featureAt.map(() => []);
  const lineOf: number[][] = [];
  for (const sentence of block.sentences) {
    const w: string[] = [];
    const lines: number[] = [];
    const tagRows: string[][] = nerAt.map(() => []);
    for (const { cells, line } of sentence) {
      if (cells.length !== roles.length) {
        if (plain && cells.length === 1) problems.push(problemAt('warning', `token ${JSON.stringify(cells[0])} has no tag column; read as O`, file, line));
        else problems.push(problemAt('warning', `${cells.length} columns where the file's layout has ${roles.length} (${describeColumns(roles)}): missing tags read as O${cells.length > roles.length ? ', extra columns ignored' : ''}`, file, line));
      }
      w.push(cells[tokenAt] ?? '');
      lines.push(line);
      nerAt.forEach((at, k) => {
        let tag = cells[at] ?? 'O';
        if (!isTag(tag)) {
          problems.push(problemAt('error', `unknown tag ${JSON.stringify(tag)} in column ${at + 1} (expected O or B-/I-/L-/U-/E-/S-LABEL); read as O`, file, line));
          tag = 'O';
        }
        tagRows[k]!.push(tag);
      });
      featureAt.forEach((at, k) => features[k]!.push(cells[at] ?? '_'));
    }
    words.push(w);
    lineOf.push(lines);
    tagRows.forEach((tags, k) => layers[k]!.push(tags));
  }
  layers.forEach((sentences, k) => checkTags(sentences, lineOf, k, problems, file));
  const { text, tokens } = textFromTokens(words);
  const spans = layers.flatMap((sentences, k) => spansFromTags(sentences, tokens, k + 1));
  const meta: Record<string, unknown> = {};
  if (featureAt.length > 0) meta[TOKEN_FEATURES_KEY] = Object.fromEntries(featureAt.map((at, k) => [roles[at]!, features[k]!]));
  const layout: ConllMeta = {};
  if (!plain) layout.columns = [...roles];
  if (separator !== '\t') layout.separator = separator;
  if (block.comments.length > 0) layout.comments = block.comments;
  if (Object.keys(layout).length > 0) meta[CONLL_META_KEY] = layout;
  return { text, meta, sets: [{ spans }], line: block.line, tokens };
}

/** Tag sequence warnings of one NER column over a block's sentences. */
function checkTags(sentences: readonly string[][], lineOf: readonly number[][], layer: number, problems: Problem[], file: string | undefined): void {
  const scheme = blockScheme(sentences);
  if (scheme === 'iob1') return;
  const column = layer > 0 ? ` (NER column ${layer + 1})` : '';
  sentences.forEach((raw, s) => {
    // BIOES E-/S- are BILOU's L-/U-.
    const tags = scheme === 'bilou' ? raw.map((t) => t.replace(/^E-/, 'L-').replace(/^S-/, 'U-')) : raw;
    for (const p of tagProblems(tags, scheme)) {
      const where = p.atEnd ? ' at the end of the sentence' : '';
      problems.push(problemAt('warning', `tag sequence (${scheme === 'bilou' ? 'BILOU' : 'IOB2'})${column}: ${p.message}${where}`, file, lineOf[s]![p.index]));
    }
  });
}
