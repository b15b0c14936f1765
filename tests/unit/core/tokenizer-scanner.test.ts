import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../core/text/tokenizer.js';

// The tokenizer as it was written with one Unicode regular expression: the table-driven scanner
// must cut every text exactly where it did.
const WORD = "[\\p{L}\\p{M}\\p{N}]+(?:(?:[\\-\\u2010\\u2011'\\u2019]|(?<=\\p{N})[.,](?=\\p{N}))[\\p{L}\\p{M}\\p{N}]+)*";
const UNIT = '(?:\\p{Regional_Indicator}{2}|\\p{Extended_Pictographic}(?:\\p{Emoji_Modifier}|\\p{M}|[\\u{E0020}-\\u{E007F}])*)';
const TOKEN = new RegExp(`(${WORD})|${UNIT}(?:\\u200D${UNIT})*|[^\\s\\u200B]\\p{M}*`, 'gu');
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'ç', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

function reference(text: string): [number, number][] {
  const out: [number, number][] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const word = m[1];
    if (word === undefined || (!word.includes("'") && !word.includes('\u2019'))) {
      out.push([start, end]);
      continue;
    }
    let piece = start;
    for (let i = start; i < end; i++) {
      if ((text[i] === "'" || text[i] === '\u2019') && ELISIONS.has(text.slice(piece, i).toLowerCase())) {
        out.push([piece, i + 1]);
        piece = i + 1;
      }
    }
    out.push([piece, end]);
  }
  return out;
}

const bounds = (text: string) => tokenize(text).map((t): [number, number] => [t.start, t.end]);

// Characters that exercise every rule: letters, marks, digits, joiners, separators, emoji parts, surrogates.
const PIECES = [
  'a', 'É', 'l', 'qu', 'jusqu', '\u0301', '3', '٣', '½', '-', '\u2010', '\u2011', '\u2012', "'", '\u2019', '.', ',', ' ', '\u00A0', '\u200B', '\u200D',
  '\n', '\t', '😀', '👩', '🏽', '\uFE0F', '🇺', '🇦', '\u{E0067}', '🏳', '©', '!', '«', '\uD800', '\uDC00', '𝐀', '𝟙', '₂', 'ß', '中',
];

describe('the table-driven tokenizer', () => {
  it('cuts random texts exactly where the Unicode regular expression did', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(bounds(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts arbitrary Unicode strings alike', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 60 }), (text) => {
        expect(bounds(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
