/**
 * A fast rule-based tokenizer tuned for French news, plus snapping of selections to tokens.
 *
 * Rules: whitespace (including no-break spaces U+00A0, U+202F, thin spaces, tabs and line breaks)
 * separates tokens and is never part of one. A word is a run of letters, digits and combining
 * marks, joined across intra-word hyphens ("Saint-Pétersbourg"), apostrophes ("aujourd’hui") and
 * decimal separators between digits ("3,5", "1.5"). French elisions split after the apostrophe
 * ("l’armée" → "l’" + "armée", "qu’il" → "qu’" + "il"; both ’ and '). An emoji sequence (ZWJ
 * sequences, flags, skin tones, variation selectors, tag sequences) is one token. Every other
 * character (with any combining marks after it) is a token of its own.
 */
import { EMOJI_TAIL, MARK, NUMBER, PICTO, REGIONAL, SPACE, WORD, bmpClasses, classesOf } from './char-classes.js';

/** A token: `[start, end)` in UTF-16 code units; `ws` = followed by whitespace (see spacyTokens for the single-space convention of files). */
export interface Token {
  text: string;
  start: number;
  end: number;
  id: number;
  ws: boolean;
}

/** Word beginnings that French elides before a vowel; the apostrophe after them ends a token. */
export const ELISIONS: ReadonlySet<string> = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'ç', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

/** True for a UTF-16 code unit the tokenizer treats as whitespace: JavaScript's `\s` plus U+200B. */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isWsAt(text: string, i: number): boolean {
  return i < text.length && isWhitespaceCode(text.charCodeAt(i));
}

function push(tokens: Token[], text: string, start: number, end: number): void {
  tokens.push({ text: text.slice(start, end), start, end, id: tokens.length, ws: isWsAt(text, end) });
}

/** Receives each token's `[start, end)` in order. */
export type TokenSink = (start: number, end: number) => void;

/** Appends every token starting in `[from, to)` to `tokens`; `from` must be a token start or follow whitespace. */
function scan(text: string, from: number, to: number, tokens: Token[]): void {
  scanTokens(text, from, to, (start, end) => push(tokens, text, start, end));
}

/** Emits the pieces of a word, split after French elisions ("l’armée" → "l’" + "armée", "jusqu’à" → "jusqu’" + "à"). */
function emitWord(text: string, start: number, end: number, apostrophe: boolean, sink: TokenSink): void {
  if (!apostrophe) return sink(start, end);
  let piece = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x27 || c === 0x2019) && ELISIONS.has(text.slice(piece, i).toLowerCase())) {
      sink(piece, i + 1);
      piece = i + 1;
    }
  }
  sink(piece, end);
}

/**
 * The tokens starting in `[from, to)`, in order, without building objects: the scanner behind
 * `tokenize` (the rules of the module comment, by character-class table), for callers that only
 * need offsets. `from` must be a token start or follow whitespace.
 */
export function scanTokens(text: string, from: number, to: number, sink: TokenSink): void {
  const n = text.length;
  const table = bmpClasses();
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // Hot path: a BMP character that is whitespace or a letter, by table.
    const f = c < 0xd800 || c > 0xdfff ? table[c]! : classesAt(text, i);
    if (f & SPACE) {
      i++;
      continue;
    }
    const start = i;
    i += c >= 0xd800 && c <= 0xdbff && isLowAt(text, i + 1) ? 2 : 1;
    if (f & WORD) {
      i = wordEnd(text, i, table, f);
      emitWord(text, start, i, hasApostrophe(text, start, i), sink);
      continue;
    }
    const emoji = emojiEnd(text, start);
    if (emoji >= 0) i = emoji;
    else while (i < n && classesAt(text, i) & MARK) i += codeWidth(text, i);
    sink(start, i);
  }
}

function isLowAt(text: string, i: number): boolean {
  const d = text.charCodeAt(i);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Code point at `i` (a lone surrogate is its own code point). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && isLowAt(text, i + 1)) return ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000;
  return c;
}

/** UTF-16 length of the character at `i`. */
function codeWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && isLowAt(text, i + 1) ? 2 : 1;
}

/** Classes of the character at `i`. */
function classesAt(text: string, i: number): number {
  return classesOf(codePointAt(text, i));
}

/**
 * End of a word whose first character (classes `first`) ends at `i`: word characters, joined across
 * hyphens and apostrophes followed by a word character and across `.`/`,` between numbers.
 */
function wordEnd(text: string, i: number, table: Uint8Array, first: number): number {
  const n = text.length;
  let lastFlags = first;
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      const f = c < 0xd800 || c > 0xdfff ? table[c]! : classesAt(text, i);
      if (!(f & WORD)) break;
      lastFlags = f;
      i += c >= 0xd800 && c <= 0xdbff && isLowAt(text, i + 1) ? 2 : 1;
    }
    if (i + 1 >= n) return i;
    const c = text.charCodeAt(i);
    const joiner = c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x27 || c === 0x2019;
    const decimal = (c === 0x2e || c === 0x2c) && (lastFlags & NUMBER) !== 0;
    if (!joiner && !decimal) return i;
    const next = classesAt(text, i + 1);
    if (!(next & (joiner ? WORD : NUMBER))) return i;
    i += 1;
  }
}

function hasApostrophe(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x2019) return true;
  }
  return false;
}

/** End of an emoji unit starting at `i` (a flag pair, or a pictograph with its tail), or -1. */
function emojiUnitEnd(text: string, i: number): number {
  const n = text.length;
  if (i >= n) return -1;
  const f = classesAt(text, i);
  let j = i + codeWidth(text, i);
  if (f & REGIONAL) return j < n && classesAt(text, j) & REGIONAL ? j + codeWidth(text, j) : -1;
  if (!(f & PICTO)) return -1;
  while (j < n && classesAt(text, j) & EMOJI_TAIL) j += codeWidth(text, j);
  return j;
}

/** End of an emoji sequence starting at `i` (units joined by U+200D), or -1 when none starts there. */
function emojiEnd(text: string, i: number): number {
  let end = emojiUnitEnd(text, i);
  if (end < 0) return -1;
  while (end < text.length && text.charCodeAt(end) === 0x200d) {
    const next = emojiUnitEnd(text, end + 1);
    if (next < 0) break;
    end = next;
  }
  return end;
}

/** Splits `text` into tokens (UTF-16 offsets); the text itself is never changed. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scan(text, 0, text.length, tokens);
  return tokens;
}

/** Range `[start, end)` with surrounding whitespace removed (offsets clamped to the text), or null when only whitespace remains. */
export function trimWhitespace(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && isWsAt(text, s)) s++;
  while (e > s && isWsAt(text, e - 1)) e--;
  return s < e ? { start: s, end: e } : null;
}

/** Index of the last token starting at or before `offset`, or -1. */
function lastStartingAtOrBefore(tokens: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Tokens covering `[start, end)`, found by tokenizing only the neighbourhood (tokens never cross whitespace). */
function localTokens(text: string, start: number, end: number): Token[] {
  let from = start;
  while (from > 0 && !isWsAt(text, from - 1)) from--;
  const tokens: Token[] = [];
  scan(text, from, end, tokens);
  return tokens;
}

/**
 * Trims whitespace from a selection, then widens it outward to the enclosing token boundaries.
 * Returns null when nothing but whitespace is selected. `tokens` (from `tokenize(text)`, or the
 * tokens the document came with) are the boundaries to snap to, in O(log n).
 */
export function snapToTokens(text: string, start: number, end: number, tokens?: readonly { start: number; end: number }[]): { start: number; end: number } | null {
  const trimmed = trimWhitespace(text, start, end);
  if (!trimmed) return null;
  const toks = tokens ?? localTokens(text, trimmed.start, trimmed.end);
  let s = trimmed.start;
  let e = trimmed.end;
  const first = lastStartingAtOrBefore(toks, s);
  if (first >= 0 && toks[first]!.end > s) s = toks[first]!.start;
  const last = lastStartingAtOrBefore(toks, e - 1);
  if (last >= 0 && toks[last]!.end > e) e = toks[last]!.end;
  return { start: s, end: e };
}

/** Index of the token starting exactly at `offset` (or ending exactly there when `byEnd`), or -1. */
function findBoundary(tokens: readonly Token[], offset: number, byEnd: boolean): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = byEnd ? tokens[mid]!.end : tokens[mid]!.start;
    if (v < offset) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= tokens.length) return -1;
  return (byEnd ? tokens[lo]!.end : tokens[lo]!.start) === offset ? lo : -1;
}

/**
 * First and INCLUSIVE last token index exactly covering `[start, end)`, or null when the span does
 * not start and end on token boundaries. O(log n) by binary search.
 */
export function tokenRange(tokens: readonly Token[], start: number, end: number): { tokenStart: number; tokenEnd: number } | null {
  if (!(start < end)) return null;
  const tokenStart = findBoundary(tokens, start, false);
  if (tokenStart < 0) return null;
  const tokenEnd = findBoundary(tokens, end, true);
  if (tokenEnd < tokenStart) return null;
  return { tokenStart, tokenEnd };
}
