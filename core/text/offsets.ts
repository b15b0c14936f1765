/**
 * Conversions between UTF-16 code unit offsets (JavaScript strings, the app's unit) and Unicode
 * code point offsets (Python strings, the default unit of exported files).
 *
 * A surrogate pair counts as one code point; a lone surrogate counts as one code point too (as
 * Python counts a lone surrogate from `surrogateescape`).
 */

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function checkInteger(offset: number, max: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${what} offset ${offset} is outside the text (0..${max})`);
  }
}

/** True when UTF-16 `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Code point offset of UTF-16 `offset` (O(offset)); throws RangeError when out of range or inside a surrogate pair. */
export function utf16ToCodePoint(text: string, offset: number): number {
  checkInteger(offset, text.length, 'UTF-16');
  if (splitsPair(text, offset)) throw new RangeError(`UTF-16 offset ${offset} splits a surrogate pair`);
  let pairs = 0;
  for (let i = 0; i < offset - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      pairs++;
      i++;
    }
  }
  return offset - pairs;
}

/** UTF-16 offset of code point `offset` (O(offset)); throws RangeError when out of range. */
export function codePointToUtf16(text: string, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`code point offset ${offset} is outside the text`);
  let u = 0;
  for (let cp = 0; cp < offset; cp++) {
    if (u >= text.length) throw new RangeError(`code point offset ${offset} is outside the text (0..${cp})`);
    u += isHigh(text.charCodeAt(u)) && isLow(text.charCodeAt(u + 1)) ? 2 : 1;
  }
  return u;
}

/** Slices `text` by code point offsets `[start, end)`; throws RangeError when out of range or start > end. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  if (start > end) throw new RangeError(`start ${start} is after end ${end}`);
  const s = codePointToUtf16(text, start);
  let e = s;
  for (let cp = start; cp < end; cp++) {
    if (e >= text.length) throw new RangeError(`code point offset ${end} is outside the text`);
    e += isHigh(text.charCodeAt(e)) && isLow(text.charCodeAt(e + 1)) ? 2 : 1;
  }
  return text.slice(s, e);
}

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Offset conversions for one text in O(log a) each (a = number of astral characters); identity for BMP-only text. */
export class OffsetMap {
  /** UTF-16 offsets of the high surrogate of every surrogate pair, ascending. */
  private readonly pairAt16: Int32Array;
  /** Code point offsets of the same characters, ascending. */
  private readonly pairAtCp: Int32Array;
  /** Length of the text in UTF-16 code units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly codePointLength: number;

  /** Scans `text` once for surrogate pairs. */
  constructor(readonly text: string) {
    const positions: number[] = [];
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) positions.push(m.index);
    this.pairAt16 = Int32Array.from(positions);
    this.pairAtCp = Int32Array.from(positions, (p, i) => p - i);
    this.utf16Length = text.length;
    this.codePointLength = text.length - positions.length;
  }

  /** True when the text has no surrogate pairs (both units agree). */
  get isIdentity(): boolean {
    return this.pairAt16.length === 0;
  }

  /** Code point offset of UTF-16 offset `u16`; throws RangeError when out of range or inside a surrogate pair. */
  toCodePoint(u16: number): number {
    checkInteger(u16, this.utf16Length, 'UTF-16');
    const pairs = this.pairAt16;
    if (pairs.length === 0) return u16;
    // k = number of pairs whose high surrogate is before u16.
    const k = countBelow(pairs, u16);
    if (k > 0 && pairs[k - 1]! + 1 === u16) throw new RangeError(`UTF-16 offset ${u16} splits a surrogate pair`);
    return u16 - k;
  }

  /** UTF-16 offset of code point offset `cp`; throws RangeError when out of range. */
  toUtf16(cp: number): number {
    checkInteger(cp, this.codePointLength, 'code point');
    const pairs = this.pairAtCp;
    return pairs.length === 0 ? cp : cp + countBelow(pairs, cp);
  }
}

/** Number of entries of ascending `sorted` that are strictly below `value`. */
function countBelow(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
