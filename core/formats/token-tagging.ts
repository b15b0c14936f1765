/**
 * Spans to one tag per token, for the token formats (CoNLL, Hugging Face): over the document's own
 * tokens when it brought them, else the core tokenizer's; sentences end at line breaks (or also after
 * sentence-final punctuation). Works on typed arrays of token boundaries, so a document of millions
 * of tokens costs a few bytes per token.
 */
import type { Span } from '../model.js';
import { tokenBounds, type TokenBounds } from '../text/doc-tokens.js';
import { isLineBreakCode, spanChange } from './interchange.js';
import type { TagScheme } from './tag-sequences.js';
import type { ExportItem, SpanChange } from './types.js';

/** Where sentences end: at line breaks only, or also after sentence-final punctuation. */
export type SentenceSplit = 'lines' | 'punctuation';

/** Options for turning spans into token tags. */
export interface TaggingOptions {
  /** Default 'iob2'. */
  scheme?: TagScheme;
  /** Default 'lines'. */
  sentences?: SentenceSplit;
}

/** A document's tokens (see `TokenBounds.index` for its own) and where its sentences start. */
export interface DocumentTokens {
  bounds: TokenBounds;
  /** 1 where a token starts a sentence. */
  sentenceStart: Uint8Array;
}

function isFinalPunctuation(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f && c !== 0x2026) return false;
  }
  return true;
}

/** Arrays reused from one document to the next by `documentTokens(…, { reuse: true })`. */
const scratch: TokenBounds = { starts: new Int32Array(4096), ends: new Int32Array(4096), count: 0 };
let scratchStarts = new Uint8Array(4096);

/**
 * The tokens and sentences of an item's document. With `reuse`, they live in arrays shared by every
 * such call (no allocation per document): valid only until the next call, which the writers that
 * tag one document at a time can afford.
 */
export function documentTokens(doc: ExportItem['doc'], split: SentenceSplit = 'lines', options: { reuse?: boolean } = {}): DocumentTokens {
  const text = doc.text;
  // A very long document gets arrays of its own, so the shared ones never hold on to its size.
  const bounds = tokenBounds(text, doc.tokens, options.reuse && text.length < 1 << 22 ? scratch : undefined);
  let sentenceStart: Uint8Array;
  if (options.reuse && bounds === scratch) {
    if (scratchStarts.length < bounds.count) scratchStarts = new Uint8Array(bounds.starts.length);
    sentenceStart = scratchStarts.subarray(0, bounds.count);
    sentenceStart.fill(0);
  } else sentenceStart = new Uint8Array(bounds.count);
  for (let k = 0; k < bounds.count; k++) {
    if (k === 0) {
      sentenceStart[k] = 1;
      continue;
    }
    const from = bounds.ends[k - 1]!;
    const to = bounds.starts[k]!;
    let brk = split === 'punctuation' && isFinalPunctuation(text, bounds.starts[k - 1]!, from);
    for (let i = from; !brk && i < to; i++) brk = isLineBreakCode(text.charCodeAt(i));
    if (brk) sentenceStart[k] = 1;
  }
  return { bounds, sentenceStart };
}

/** Index of the first token ending after `offset` (tokens are ordered and disjoint). */
function firstEndingAfter(b: TokenBounds, offset: number): number {
  let lo = 0;
  let hi = b.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token starting before `offset`, or -1. */
function lastStartingBefore(b: TokenBounds, offset: number): number {
  let lo = 0;
  let hi = b.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (b.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The tags of one label: B, I, L, U. */
type LabelTags = [string, string, string, string];

/**
 * One tag per token ('O' outside spans) for `spans` of an item, over `tokens`. Spans off token
 * boundaries are widened to whole tokens ('changed'), spans crossing sentences are split
 * ('changed'), a span overlapping one already tagged (the one starting first wins, the longest on
 * ties) is 'dropped': one label per token. Every such span is reported.
 */
export function tagSpans(item: ExportItem, tokens: DocumentTokens, spans: readonly Span[], scheme: TagScheme = 'iob2'): { tags: string[]; changes: SpanChange[] } {
  const text = item.doc.text;
  const b = tokens.bounds;
  const tags = new Array<string>(b.count).fill('O');
  const changes: SpanChange[] = [];
  const byLabel = new Map<string, LabelTags>();
  const accepted: { a: number; b: number; span: Span }[] = [];
  const ordered = [...spans].sort((x, y) => x.start - y.start || y.end - x.end || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  for (const span of ordered) {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > text.length || span.start >= span.end) {
      changes.push(spanChange(item, span, 'dropped', `offsets ${span.start}-${span.end} are empty or outside the text`));
      continue;
    }
    let s = span.start;
    let e = span.end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    const first = firstEndingAfter(b, s);
    const last = lastStartingBefore(b, e);
    if (s >= e || first > last) {
      changes.push(spanChange(item, span, 'dropped', 'covers no token'));
      continue;
    }
    let taken = -1;
    for (let k = first; k <= last && taken < 0; k++) if (tags[k] !== 'O') taken = k;
    if (taken >= 0) {
      const other = accepted.find((x) => x.a <= taken && taken <= x.b)!.span;
      // The other span by label and text: reports give offsets in the output's unit, which this reason cannot know.
      changes.push(spanChange(item, span, 'dropped', `overlaps ${other.label} “${text.slice(other.start, other.end)}”; one label per token`));
      continue;
    }
    accepted.push({ a: first, b: last, span });
    let t = byLabel.get(span.label);
    if (!t) {
      t = [`B-${span.label}`, `I-${span.label}`, `L-${span.label}`, `U-${span.label}`];
      byLabel.set(span.label, t);
    }
    let pieces = 0;
    for (let k = first; k <= last; k++) {
      const begins = k === first || tokens.sentenceStart[k] === 1;
      const ends = k === last || tokens.sentenceStart[k + 1] === 1;
      if (begins) pieces++;
      tags[k] = scheme === 'bilou' ? (begins ? (ends ? t[3] : t[0]) : ends ? t[2] : t[1]) : begins ? t[0] : t[1];
    }
    const reasons: string[] = [];
    if (b.starts[first] !== span.start || b.ends[last] !== span.end) reasons.push(`snapped to token boundaries ${b.starts[first]}-${b.ends[last]}`);
    if (pieces > 1) reasons.push(`crosses a sentence boundary: split into ${pieces} spans`);
    if (reasons.length > 0) changes.push(spanChange(item, span, 'changed', reasons.join('; ')));
  }
  return { tags, changes };
}
