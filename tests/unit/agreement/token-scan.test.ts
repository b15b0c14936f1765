import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenBoundaries } from '../../../core/agreement/token-scan';
import { ELISIONS, tokenize } from '../../../core/text/tokenizer';

/** Pieces that exercise every rule of the tokenizer: words, elisions, hyphens, decimals, marks, emoji, whitespace. */
const PIECES = [
  'a', 'Z', 'é', 'ß', 'ﬁ', 'Ω', '中', '٣', '3', '0', '½', '²', '.', ',', '-', '‐', '‑', "'", '’', 'l', 'd', 'qu', 'jusqu', 'L', 'Qu',
  ' ', '\u00a0', '\u202f', '\u2009', '\t', '\n', '\r\n', '\u200b', '\u200d', '\ufeff', '\u2028', '\u0301', '\u0308', '\ufe0f', '\u20e3',
  '©', '®', '™', '‼', '👍', '👍🏽', '🇫🇷', '🏴‍☠️', '👨‍👩‍👧', '\ud800', '\udc00', '!', '?', '«', '»', '"', '(', ')', '/', '%', '€', '$', '#',
  // Every elided word, as written and capitalized ("l'", "Lorsqu’").
  ...[...ELISIONS].flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]), 'aujourd', 'hui', 'armée',
];

function expected(text: string): [number, number][] {
  return tokenize(text).map((t) => [t.start, t.end]);
}

function actual(text: string): [number, number][] {
  const b = tokenBoundaries(text);
  return Array.from({ length: b.count }, (_, i) => [b.starts[i]!, b.ends[i]!]);
}

describe('token boundaries for agreement', () => {
  it("are exactly the core tokenizer's on text made of its tricky cases", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      return JSON.stringify(actual(text)) === JSON.stringify(expected(text));
    }), { numRuns: 2000 });
  });

  it("are exactly the core tokenizer's on any string", () => {
    // Code points anywhere in planes 0–2, lone surrogates included.
    const text = fc.array(fc.integer({ min: 0, max: 0x2ffff }), { maxLength: 60 }).map((cps) => String.fromCodePoint(...cps));
    fc.assert(fc.property(text, (t) => JSON.stringify(actual(t)) === JSON.stringify(expected(t))), { numRuns: 1000 });
  });

  it('split French elisions, decimals and emoji as the tokenizer does', () => {
    const text = "Jusqu’à l'aube, 3,5 tonnes — 1.5 km 👍🏽 Saint-Pétersbourg.";
    expect(actual(text)).toEqual(expected(text));
    expect(actual(text).map(([s, e]) => text.slice(s, e))).toEqual(['Jusqu’', 'à', "l'", 'aube', ',', '3,5', 'tonnes', '—', '1.5', 'km', '👍🏽', 'Saint-Pétersbourg', '.']);
  });
});
