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

/** A token: `[start, end)` in UTF-16 code units; `ws` = followed by whitespace (see spacyTokens for the single-space convention of files). */
export interface Token {
  text: string;
  start: number;
  end: number;
  id: number;
  ws: boolean;
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const HYPHEN_OR_APOSTROPHE = "[\\-\\u2010\\u2011'\\u2019]";
const DECIMAL = '(?<=\\p{N})[.,](?=\\p{N})';
const WORD = `${WORD_CHAR}+(?:(?:${HYPHEN_OR_APOSTROPHE}|${DECIMAL})${WORD_CHAR}+)*`;
const EMOJI_UNIT = '(?:\\p{Regional_Indicator}{2}|\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\p{M}|[\\u{E0020}-\\u{E007F}])*)';
const EMOJI = `${EMOJI_UNIT}(?:\\u200D${EMOJI_UNIT})*`;
const OTHER = '[^\\s\\u200B]\\p{M}*';
const TOKEN = new RegExp(`(${WORD})|${EMOJI}|${OTHER}`, 'gu');

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

/** Appends every token starting in `[from, to)` to `tokens`; `from` must be a token start or follow whitespace. */
function scan(text: string, from: number, to: number, tokens: Token[]): void {
  const re = TOKEN;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const word = m[1];
    if (word === undefined || (word.indexOf("'") < 0 && word.indexOf('\u2019') < 0)) {
      push(tokens, text, start, end);
      continue;
    }
    // Split French elisions: "l’armée" → "l’" + "armée", "jusqu’à" → "jusqu’" + "à".
    let piece = start;
    for (let i = start; i < end; i++) {
      const c = text[i];
      if ((c === "'" || c === '\u2019') && ELISIONS.has(text.slice(piece, i).toLowerCase())) {
        push(tokens, text, piece, i + 1);
        piece = i + 1;
      }
    }
    push(tokens, text, piece, end);
  }
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
function lastStartingAtOrBefore(tokens: readonly Token[], offset: number): number {
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
 * Returns null when nothing but whitespace is selected. `tokens` (from `tokenize(text)`) makes it O(log n).
 */
export function snapToTokens(text: string, start: number, end: number, tokens?: readonly Token[]): { start: number; end: number } | null {
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
