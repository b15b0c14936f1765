/**
 * Unicode character classes the tokenizer needs, answered by a table lookup instead of a Unicode
 * regular expression per character: a 64 K table for the Basic Multilingual Plane (built once, on
 * first use, from the same `\p{…}` classes) and a small cache for characters beyond it.
 */

/** Letter, mark or number (`[\p{L}\p{M}\p{N}]`): a word character. */
export const WORD = 1;
/** Combining mark (`\p{M}`). */
export const MARK = 2;
/** Number (`\p{N}`). */
export const NUMBER = 4;
/** Whitespace as the tokenizer counts it: JavaScript's `\s` plus U+200B. */
export const SPACE = 8;
/** `\p{Extended_Pictographic}`: starts an emoji. */
export const PICTO = 16;
/** What may follow an emoji inside it: `\p{Emoji_Modifier}`, `\p{M}` or a tag character U+E0020–U+E007F. */
export const EMOJI_TAIL = 32;
/** `\p{Regional_Indicator}`: two of them make a flag. */
export const REGIONAL = 64;

const CLASSES: readonly [number, RegExp][] = [
  [WORD, /[\p{L}\p{M}\p{N}]/gu],
  [MARK, /\p{M}/gu],
  [NUMBER, /\p{N}/gu],
  [SPACE, /[\s\u200B]/gu],
  [PICTO, /\p{Extended_Pictographic}/gu],
  [EMOJI_TAIL, /[\p{Emoji_Modifier}\p{M}\u{E0020}-\u{E007F}]/gu],
  [REGIONAL, /\p{Regional_Indicator}/gu],
];

let bmp: Uint8Array | null = null;

/** The classes of every BMP code unit, by code unit (surrogates have none). */
export function bmpClasses(): Uint8Array {
  if (bmp) return bmp;
  const table = new Uint8Array(0x10000);
  // Every BMP character but the surrogates, once: one global match per class fills the table.
  let all = '';
  for (let from = 0; from < 0x10000; from += 0x800) {
    const codes: number[] = [];
    for (let c = from; c < from + 0x800; c++) codes.push(c >= 0xd800 && c <= 0xdfff ? 0x20 : c);
    all += String.fromCharCode(...codes);
  }
  for (const [bit, re] of CLASSES) {
    re.lastIndex = 0;
    for (let m = re.exec(all); m !== null; m = re.exec(all)) table[m.index] = table[m.index]! | bit;
  }
  // The placeholder spaces stood for surrogates.
  table.fill(0, 0xd800, 0xe000);
  bmp = table;
  return table;
}

const astral = new Map<number, number>();

/** The classes of code point `cp` (an OR of the constants above). */
export function classesOf(cp: number): number {
  if (cp < 0x10000) return bmpClasses()[cp]!;
  let flags = astral.get(cp);
  if (flags === undefined) {
    const s = String.fromCodePoint(cp);
    flags = 0;
    for (const [bit, re] of CLASSES) {
      re.lastIndex = 0;
      if (re.test(s)) flags |= bit;
    }
    // A bounded cache: texts of random code points must not make it grow without end.
    if (astral.size >= 4096) astral.clear();
    astral.set(cp, flags);
  }
  return flags;
}
