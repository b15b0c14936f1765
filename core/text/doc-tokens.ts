/**
 * The tokens of a document: the ones its file brought (CoNLL, Hugging Face, Prodigy `tokens`, WebAnno
 * TSV) when it has them, else the core tokenizer's — as token objects (snapping, token indices) or as
 * typed arrays of boundaries (the token writers, which tag millions of tokens).
 */
import type { DocToken } from '../model.js';
import { isWhitespaceCode, scanTokens, type Token } from './tokenizer.js';

/** Token boundaries as two parallel arrays of UTF-16 offsets, `count` of them in use. */
export interface TokenBounds {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  /** For a document's own tokens: the index in them of each token kept (whitespace-only ones are left out). */
  index?: Int32Array;
}

/** Why a document's own tokens cannot be used (not whole numbers, outside the text, out of order, overlapping), or null. */
export function docTokensProblem(text: string, tokens: readonly DocToken[]): string | null {
  let previousEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!Number.isInteger(t.start) || !Number.isInteger(t.end) || t.start < 0 || t.end > text.length || t.start > t.end) {
      return `token ${i} (${t.start}-${t.end}) is not a range of the text`;
    }
    if (t.start < previousEnd) return `token ${i} (${t.start}-${t.end}) starts before token ${i - 1} ends`;
    previousEnd = t.end;
  }
  return null;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWhitespaceCode(text.charCodeAt(i))) return false;
  return true;
}

function grow(bounds: TokenBounds): void {
  const size = Math.max(64, bounds.starts.length * 2);
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  starts.set(bounds.starts);
  ends.set(bounds.ends);
  bounds.starts = starts;
  bounds.ends = ends;
}

/**
 * The boundaries to tag a document by: its own tokens, whitespace-only ones left out (a spaCy line
 * break token has no place in a token-per-line file), when it has valid ones; the core tokenizer's otherwise.
 */
export function tokenBounds(text: string, own?: readonly DocToken[], scratch?: TokenBounds): TokenBounds {
  if (own && docTokensProblem(text, own) === null) {
    const starts = new Int32Array(own.length);
    const ends = new Int32Array(own.length);
    const index = new Int32Array(own.length);
    let count = 0;
    own.forEach((t, i) => {
      if (t.end > t.start && isBlank(text, t.start, t.end)) return;
      starts[count] = t.start;
      ends[count] = t.end;
      index[count] = i;
      count++;
    });
    return { starts, ends, count, index };
  }
  // The core tokenizer's, into `scratch` (arrays reused from document to document) when given.
  const size = Math.max(16, text.length >> 2);
  const bounds: TokenBounds = scratch ?? { starts: new Int32Array(size), ends: new Int32Array(size), count: 0 };
  bounds.count = 0;
  delete bounds.index;
  scanTokens(text, 0, text.length, (start, end) => {
    if (bounds.count === bounds.starts.length) grow(bounds);
    bounds.starts[bounds.count] = start;
    bounds.ends[bounds.count] = end;
    bounds.count++;
  });
  return bounds;
}

/** Token objects (text, offsets, index, followed by whitespace) of a document's own tokens. */
export function tokensFromDoc(text: string, own: readonly DocToken[]): Token[] {
  return own.map((t, id) => ({ text: text.slice(t.start, t.end), start: t.start, end: t.end, id, ws: t.end < text.length && isWhitespaceCode(text.charCodeAt(t.end)) }));
}
