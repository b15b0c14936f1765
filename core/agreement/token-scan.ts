/**
 * The core tokenizer's token boundaries as flat arrays, fast: agreement over 10,000 articles
 * needs millions of tokens, and `tokenize` builds an object and a string for each. Whitespace-
 * separated chunks are scanned with a per-character class table that follows the tokenizer's
 * rules (words of letters, marks and digits joined by hyphens, apostrophes and decimal
 * separators, French elisions split off; every other character a token with its combining
 * marks); a chunk holding anything else (emoji, surrogate pairs) is handed to `tokenize` itself. Tokens never cross whitespace, so chunks are independent. A
 * property test checks the result equals `tokenize` on random text.
 */
import { ELISIONS, isWhitespaceCode, tokenize } from '../text/tokenizer.js';

/** Token boundaries: token i is `[starts[i], ends[i])`. */
export interface TokenBoundaries {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

const KNOWN = 1;
const WORD = 2; // \p{L} \p{M} \p{N}
const DIGIT = 4; // \p{N}
const MARK = 8; // \p{M}
const JOIN = 16; // - ‐ ‑ ' ’
const DECIMAL = 32; // . ,
const COMPLEX = 64; // emoji starts, surrogates: left to the tokenizer
const APOSTROPHE = 128; // ' ’
const SPACE = 256; // the tokenizer's whitespace

const classes = new Uint16Array(0x10000);
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const DIGIT_RE = /\p{N}/u;
const MARK_RE = /\p{M}/u;
const PICTO_RE = /\p{Extended_Pictographic}/u;

function classOf(c: number): number {
  let k = classes[c]!;
  if (k !== 0) return k;
  k = KNOWN;
  if (c >= 0xd800 && c <= 0xdfff) k |= COMPLEX;
  else if (isWhitespaceCode(c)) k |= SPACE;
  else {
    const ch = String.fromCharCode(c);
    if (WORD_RE.test(ch)) k |= WORD;
    if (DIGIT_RE.test(ch)) k |= DIGIT;
    if (MARK_RE.test(ch)) k |= MARK;
    if (PICTO_RE.test(ch)) k |= COMPLEX;
    if (c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x27 || c === 0x2019) k |= JOIN;
    if (c === 0x27 || c === 0x2019) k |= APOSTROPHE;
    if (c === 0x2e || c === 0x2c) k |= DECIMAL;
  }
  classes[c] = k;
  return k;
}

/** Growable output arrays. */
class Output {
  count = 0;

  constructor(public starts: Int32Array, public ends: Int32Array) {}

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2 + 16);
      starts.set(this.starts);
      const ends = new Int32Array(this.count * 2 + 16);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }
}

/**
 * Scans the chunk starting at `from` (a non-whitespace character) up to the next whitespace;
 * returns the chunk's end, negated minus one when the chunk needs the tokenizer.
 */
function scanChunk(text: string, from: number, out: Output): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classes[c] || classOf(c);
    if (k & SPACE) return i;
    if (k & COMPLEX) return -1;
    const start = i++;
    if (k & WORD) {
      let apostrophe = false;
      for (;;) {
        let x = 0;
        while (i < n) {
          const d = text.charCodeAt(i);
          x = classes[d] || classOf(d);
          if (!(x & WORD)) break;
          i++;
        }
        if (i + 1 >= n || x & (SPACE | COMPLEX)) break;
        const e = text.charCodeAt(i + 1);
        const after = classes[e] || classOf(e);
        if (after & COMPLEX) return -1;
        if (x & JOIN && after & WORD) {
          if (x & APOSTROPHE) apostrophe = true;
          i++;
          continue;
        }
        if (x & DECIMAL && after & DIGIT && (classes[text.charCodeAt(i - 1)] || classOf(text.charCodeAt(i - 1))) & DIGIT) {
          i++;
          continue;
        }
        break;
      }
      if (apostrophe) {
        splitElisions(text, start, i, out);
        continue;
      }
    } else {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!((classes[d] || classOf(d)) & MARK)) break;
        i++;
      }
    }
    out.push(start, i);
  }
  return i;
}

/** Pushes a word with apostrophes as the tokenizer splits it: "l’armée" → "l’" + "armée". */
function splitElisions(text: string, start: number, end: number, out: Output): void {
  let piece = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x27 || c === 0x2019) && ELISIONS.has(text.slice(piece, i).toLowerCase())) {
      out.push(piece, i + 1);
      piece = i + 1;
    }
  }
  out.push(piece, end);
}

/** Reused between calls when the caller does not keep the result. */
const scratch = new Output(new Int32Array(4096), new Int32Array(4096));

/**
 * Token boundaries of `text`, exactly those of `tokenize(text)`. With `transient`, the arrays are
 * shared with the next call (no allocation per document): read them before tokenizing again.
 */
export function tokenBoundaries(text: string, transient = false): TokenBoundaries {
  const n = text.length;
  const out = transient ? scratch : new Output(new Int32Array((n >> 2) + 16), new Int32Array((n >> 2) + 16));
  out.count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((classes[c] || classOf(c)) & SPACE) {
      i++;
      continue;
    }
    const mark = out.count;
    const end = scanChunk(text, i, out);
    if (end >= 0) {
      i = end;
      continue;
    }
    // The tokenizer's own rules for this chunk (emoji, surrogates, elisions).
    out.count = mark;
    let to = i;
    while (to < n && !isWhitespaceCode(text.charCodeAt(to))) to++;
    for (const t of tokenize(text.slice(i, to))) out.push(i + t.start, i + t.end);
    i = to;
  }
  return { starts: out.starts, ends: out.ends, count: out.count };
}
