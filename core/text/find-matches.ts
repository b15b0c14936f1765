/**
 * Find in a document, ignoring case and accents like the document search ("kyiv" finds "Kyïv",
 * "sebastopol" finds "Sébastopol"), with every match given as UTF-16 offsets into the original
 * text. Searches a range at a time, so a caller can walk a 50 MB text in slices.
 */

/** One match: `[start, end)` in UTF-16 code units of the original text. */
export interface TextMatch {
  start: number;
  end: number;
}

const foldCache = new Map<string, string>();

/** One character (code point) folded for search: compatibility-decomposed, marks removed, lower case. */
export function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  let folded = foldCache.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFKD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
    foldCache.set(char, folded);
  }
  return folded;
}

/** A query folded the same way as the text it is searched in. */
export function foldQuery(query: string): string {
  let folded = '';
  for (const char of query) folded += foldChar(char);
  return folded;
}

const NON_ASCII = /[\u0080-\uffff]/g;

/** `text[from, to)` folded, with the original offset of every folded code unit (and one past the end). */
export function foldRange(text: string, from: number, to: number): { folded: string; origin: Int32Array } {
  const parts: string[] = [];
  let origin = new Int32Array(to - from + 16);
  let n = 0;
  const room = (extra: number) => {
    if (n + extra + 1 <= origin.length) return;
    const grown = new Int32Array(Math.max(origin.length * 2, n + extra + 16));
    grown.set(origin.subarray(0, n));
    origin = grown;
  };
  for (let i = from; i < to; ) {
    // ASCII runs fold by lower-casing, in bulk; other characters one at a time.
    NON_ASCII.lastIndex = i;
    const found = NON_ASCII.exec(text);
    const next = found && found.index < to ? found.index : to;
    if (next > i) {
      parts.push(text.slice(i, next).toLowerCase());
      room(next - i);
      for (let k = i; k < next; k++) origin[n++] = k;
      i = next;
    }
    if (i >= to) break;
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    const folded = foldChar(text.slice(i, i + width));
    parts.push(folded);
    room(folded.length);
    for (let k = 0; k < folded.length; k++) origin[n++] = i;
    i += width;
  }
  origin[n] = to;
  return { folded: parts.join(''), origin: origin.subarray(0, n + 1) };
}

/** Offset just after the character at `offset`, taking along the marks that fold to nothing after it. */
function endAfter(text: string, offset: number, limit: number): number {
  const code = text.charCodeAt(offset);
  let end = offset + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
  while (end < limit && text.charCodeAt(end) >= 128 && foldChar(String.fromCodePoint(text.codePointAt(end)!)) === '') {
    end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  }
  return end;
}

/**
 * Matches of an already folded, non-empty `foldedQuery` that start in `text[from, to)`; a match may
 * run up to `lookahead` code units past `to` (so slices that meet find every match once).
 */
export function findInRange(text: string, foldedQuery: string, from: number, to: number, lookahead = 0): TextMatch[] {
  if (!foldedQuery) return [];
  const limit = Math.min(text.length, to + lookahead);
  const { folded, origin } = foldRange(text, from, limit);
  const matches: TextMatch[] = [];
  for (let at = folded.indexOf(foldedQuery); at !== -1; at = folded.indexOf(foldedQuery, at + 1)) {
    const start = origin[at]!;
    if (start >= to) break;
    // Several folded units can come from one character ("ﬁ" → "fi"): a match starts at a character's start.
    if (at > 0 && origin[at - 1] === start) continue;
    const last = origin[at + foldedQuery.length - 1]!;
    matches.push({ start, end: endAfter(text, last, limit) });
    at += foldedQuery.length - 1;
  }
  return matches;
}

/** Every match in `text`, in order (for short texts and tests; long texts are searched in slices with findInRange). */
export function findAll(text: string, query: string): TextMatch[] {
  return findInRange(text, foldQuery(query), 0, text.length);
}
