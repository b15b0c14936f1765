/**
 * CoNLL token-per-line files: `TOKEN<TAB>TAG` (or space-separated, multi-column: last column is the tag),
 * blank lines between sentences, `-DOCSTART-` lines between documents. Writes IOB2 or BILOU; reads
 * IOB2, IOB1, BILOU and BIOES (tag sequences: `tag-sequences.ts`). Also the span↔tag machinery shared
 * with the Hugging Face format.
 */
import type { Span } from '../model.js';
import { snapToTokens, tokenRange, tokenize } from '../text/tokenizer.js';
import type { Token } from '../text/tokenizer.js';
import { hasLineBreak, problemAt, spanChange, withoutBom } from './interchange.js';
import type { ExportItem, ImportedDocument, ImportedSpan, Problem, ReadOptions, ReadResult, SpanChange, WriteOptions, WriteResult } from './types.js';
import { blockScheme, chunkTags, decodeTags, isTag, tagProblems, type TagScheme } from './tag-sequences.js';

export type { TagScheme } from './tag-sequences.js';


/** Where sentences end: at line breaks only, or also after sentence-final punctuation. */
export type SentenceSplit = 'lines' | 'punctuation';

/** Options for turning spans into token tags. */
export interface TaggingOptions {
  /** Default 'iob2'. */
  scheme?: TagScheme;
  /** Default 'lines'. */
  sentences?: SentenceSplit;
}

/** Options of the CoNLL writer. */
export interface ConllWriteOptions extends WriteOptions, TaggingOptions {
  /** Column separator (default tab). */
  separator?: '\t' | ' ';
}

/** Options of the CoNLL reader. */
export interface ConllReadOptions extends ReadOptions {
  /** One document per `-DOCSTART-` block (default; a file without any is one document) or per sentence. */
  documents?: 'docstart' | 'sentence';
  /** Once-per-file warnings already given by earlier calls on the same file (the CLI reads it block by block). */
  toldOnce?: Set<string>;
}

/** One sentence as tokens and their tags. */
export interface TaggedSentence {
  tokens: Token[];
  tags: string[];
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

const FINAL_PUNCT = /^[.!?…]+$/;

/** Sentence index of each token: a new sentence after a line break (or sentence-final punctuation). */
function sentenceIds(text: string, tokens: readonly Token[], split: SentenceSplit): number[] {
  const ids: number[] = [];
  let s = 0;
  tokens.forEach((tok, i) => {
    if (i > 0) {
      const prev = tokens[i - 1]!;
      if (hasLineBreak(text.slice(prev.end, tok.start)) || (split === 'punctuation' && FINAL_PUNCT.test(prev.text))) s++;
    }
    ids.push(s);
  });
  return ids;
}

/**
 * Tokenizes a document and tags its spans, one label per token. Spans off token boundaries are
 * snapped ('changed'), spans crossing sentences are split ('changed'), overlapping spans lose to the
 * one starting first (longest on ties) and are 'dropped'; every such span is reported.
 */
export function tagItem(item: ExportItem, options: TaggingOptions = {}): { sentences: TaggedSentence[]; changes: SpanChange[] } {
  const scheme = options.scheme ?? 'iob2';
  const text = item.doc.text;
  const changes: SpanChange[] = [];
  const tokens = tokenize(text);
  const sent = sentenceIds(text, tokens, options.sentences ?? 'lines');
  const tags: string[] = tokens.map(() => 'O');
  const owner: (Span | undefined)[] = tokens.map(() => undefined);
  const ordered = [...item.set.spans].sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
  for (const span of ordered) {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.start >= span.end) {
      changes.push(spanChange(item, span, 'dropped', `offsets ${span.start}-${span.end} are empty or outside the text`));
      continue;
    }
    const snapped = snapToTokens(text, span.start, span.end, tokens);
    const range = tokenRange(tokens, span.start, span.end) ?? (snapped ? tokenRange(tokens, snapped.start, snapped.end) : null);
    if (!range) {
      changes.push(spanChange(item, span, 'dropped', 'covers no token'));
      continue;
    }
    const { tokenStart: a, tokenEnd: b } = range;
    const taken = owner.slice(a, b + 1).find((o) => o !== undefined);
    if (taken) {
      // The other span by label and text: reports give offsets in the output's unit, which this reason cannot know.
      changes.push(spanChange(item, span, 'dropped', `overlaps ${taken.label} “${text.slice(taken.start, taken.end)}”; one label per token`));
      continue;
    }
    const reasons: string[] = [];
    if (tokens[a]!.start !== span.start || tokens[b]!.end !== span.end) {
      reasons.push(`snapped to token boundaries ${tokens[a]!.start}-${tokens[b]!.end}`);
    }
    let from = a;
    let pieces = 0;
    for (let i = a; i <= b + 1; i++) {
      if (i === b + 1 || sent[i] !== sent[from]) {
        chunkTags(span.label, i - from, scheme).forEach((t, k) => (tags[from + k] = t));
        pieces++;
        from = i;
      }
      if (i <= b) owner[i] = span;
    }
    if (pieces > 1) reasons.push(`crosses a sentence boundary: split into ${pieces} spans`);
    if (reasons.length > 0) changes.push(spanChange(item, span, 'changed', reasons.join('; ')));
  }
  const sentences: TaggedSentence[] = [];
  tokens.forEach((tok, i) => {
    if (i === 0 || sent[i] !== sent[i - 1]) sentences.push({ tokens: [], tags: [] });
    const s = sentences[sentences.length - 1]!;
    s.tokens.push(tok);
    s.tags.push(tags[i]!);
  });
  return { sentences, changes };
}

/** Copy of an item whose labels hold no whitespace (which would break a tag column), reporting renames. */
function withSafeLabels(item: ExportItem, changes: SpanChange[]): ExportItem {
  if (item.set.spans.every((s) => /^\S+$/.test(s.label))) return item;
  const spans = item.set.spans.map((s) => {
    if (/^\S+$/.test(s.label)) return s;
    const label = s.label.replace(/\s+/g, '_') || '_';
    changes.push(spanChange(item, s, 'changed', `label ${JSON.stringify(s.label)} written as ${JSON.stringify(label)} (tags cannot contain spaces)`));
    return { ...s, label };
  });
  return { doc: item.doc, set: { ...item.set, spans } };
}

/** Writes CoNLL: `-DOCSTART-` per (document, set), one `TOKEN<TAB>TAG` line per token, blank line per sentence. */
export function writeConll(items: readonly ExportItem[], options: ConllWriteOptions = {}): WriteResult {
  const sep = options.separator ?? '\t';
  const changes: SpanChange[] = [];
  const out: string[] = [];
  for (const item of items) {
    out.push(`-DOCSTART-${sep}O\n\n`);
    const tagged = tagItem(withSafeLabels(item, changes), options);
    changes.push(...tagged.changes);
    for (const s of tagged.sentences) {
      out.push(s.tokens.map((t, i) => `${t.text.replace(/\s/g, '_')}${sep}${s.tags[i]}\n`).join(''), '\n');
    }
  }
  return { output: out.join(''), changes };
}

/** Builds a document from sentences of tokens and tags: tokens joined by spaces, sentences by "\n". */
export function documentFromTokens(sentences: readonly { tokens: readonly string[]; tags: readonly string[] }[]): { text: string; spans: ImportedSpan[] } {
  let text = '';
  const spans: ImportedSpan[] = [];
  sentences.forEach((s, k) => {
    if (k > 0) text += '\n';
    const starts: number[] = [];
    const ends: number[] = [];
    s.tokens.forEach((tok, i) => {
      if (i > 0) text += ' ';
      starts.push(text.length);
      text += tok;
      ends.push(text.length);
    });
    for (const t of decodeTags(s.tags)) spans.push({ start: starts[t.start]!, end: ends[t.end - 1]!, label: t.label, source: 'imported' });
  });
  return { text, spans };
}

/**
 * Reads CoNLL into documents whose text is the tokens joined by spaces (sentences by "\n"). A
 * document ends at `-DOCSTART-` or after `MAX_CONLL_SENTENCES` sentences (one warning at the first
 * such split). Tag sequences are checked under the block's scheme (see `blockScheme`): I-/L- without
 * B- and unclosed BILOU chunks are warnings naming the line.
 */
export function readConll(content: string, options: ConllReadOptions = {}): ReadResult {
  const file = options.fileName;
  const problems: Problem[] = [];
  type Sent = { tokens: string[]; tags: string[]; lines: number[] };
  const docs: { line: number; sentences: Sent[] }[] = [];
  let doc: { line: number; sentences: Sent[] } | null = null;
  let sent: Sent | null = null;
  let warnedSplit = false;
  const toldOnce = options.toldOnce ?? new Set<string>();
  const lines = withoutBom(content).split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const n = i + 1;
    if (line.trim() === '') {
      sent = null;
      return;
    }
    const cols = line.includes('\t') ? line.split('\t').map((c) => c.trim()) : line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      doc = { line: n, sentences: [] };
      docs.push(doc);
      sent = null;
      return;
    }
    const full = !sent && doc !== null && (doc as { sentences: Sent[] }).sentences.length >= MAX_CONLL_SENTENCES;
    if (!doc || (options.documents === 'sentence' && !sent) || full) {
      if (full && options.documents !== 'sentence' && !warnedSplit) {
        problems.push(problemAt('warning', conllSplitWarning(), file, n));
        warnedSplit = true;
      }
      doc = { line: n, sentences: [] };
      docs.push(doc);
    }
    if (!sent) {
      sent = { tokens: [], tags: [], lines: [] };
      (doc as { sentences: Sent[] }).sentences.push(sent);
    }
    if (cols.length > 2 && !toldOnce.has('columns')) {
      toldOnce.add('columns');
      problems.push(problemAt('warning', `${cols.length} columns: only the token (first) and its tag (last) are read; the columns between them (POS, chunk, …) are not kept`, file, n));
    }
    let tag = cols.length > 1 ? cols[cols.length - 1]! : 'O';
    if (cols.length === 1) problems.push(problemAt('warning', `token ${JSON.stringify(cols[0])} has no tag column; read as O`, file, n));
    else if (!isTag(tag)) {
      problems.push(problemAt('error', `unknown tag ${JSON.stringify(tag)} (expected O or B-/I-/L-/U-/E-/S-LABEL); read as O`, file, n));
      tag = 'O';
    }
    (sent as Sent).tokens.push(cols[0]!);
    (sent as Sent).tags.push(tag);
    (sent as Sent).lines.push(n);
  });
  const all = docs.flatMap((d) => d.sentences);
  const scheme = blockScheme(all.map((s) => s.tags));
  if (scheme !== 'iob1') {
    for (const s of all) {
      // BIOES E-/S- are BILOU's L-/U-.
      const tags = scheme === 'bilou' ? s.tags.map((t) => t.replace(/^E-/, 'L-').replace(/^S-/, 'U-')) : s.tags;
      for (const p of tagProblems(tags, scheme)) {
        const where = p.atEnd ? ' at the end of the sentence' : '';
        problems.push(problemAt('warning', `tag sequence (${scheme === 'bilou' ? 'BILOU' : 'IOB2'}): ${p.message}${where}`, file, s.lines[p.index]));
      }
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const documents: ImportedDocument[] = docs
    .filter((d) => d.sentences.length > 0)
    .map((d) => {
      const { text, spans } = documentFromTokens(d.sentences);
      return { text, meta: {}, sets: [{ spans }], line: d.line };
    });
  return { documents, problems };
}
