import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapToTokens, tokenRange, tokenize, trimWhitespace } from '../../../core/text/tokenizer.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);
const seed = readFileSync(fileURLToPath(new URL('../../../seeds/articles/000_94f52200e1e5e551.txt', import.meta.url)), 'utf8');

describe('tokenize', () => {
  it('keeps intra-word hyphens and splits French elisions after the apostrophe', () => {
    expect(texts('Saint-Pétersbourg l’armée qu’il d\'Ukraine jusqu’à aujourd’hui')).toEqual([
      'Saint-Pétersbourg', 'l’', 'armée', 'qu’', 'il', 'd\'', 'Ukraine', 'jusqu’', 'à', 'aujourd’hui',
    ]);
    expect(texts("C'est-à-dire L’Ukraine")).toEqual(["C'", 'est-à-dire', 'L’', 'Ukraine']);
  });

  it('keeps decimal numbers whole and splits other punctuation', () => {
    expect(texts('3,5 millions, 1.5 km.')).toEqual(['3,5', 'millions', ',', '1.5', 'km', '.']);
    expect(texts('« Kiev » … (2022)!?')).toEqual(['«', 'Kiev', '»', '…', '(', '2022', ')', '!', '?']);
    expect(texts("fin' -tiret")).toEqual(['fin', "'", '-', 'tiret']);
  });

  it('never puts whitespace in a token, no-break spaces included', () => {
    const t = 'a\u00A0b\u202F:\u2009c\r\nd\te';
    expect(texts(t)).toEqual(['a', 'b', ':', 'c', 'd', 'e']);
    expect(tokenize(t).map((x) => x.ws)).toEqual([true, true, true, true, true, false]);
    expect(texts('20\u202F000')).toEqual(['20', '000']);
  });

  it('keeps combining accents and emoji sequences inside one token', () => {
    const t = 'He\u0301 😀👩‍👩‍👧 🇺🇦🇫🇷 👍🏽 🏳️‍🌈 1️⃣';
    expect(texts(t)).toEqual(['He\u0301', '😀', '👩‍👩‍👧', '🇺🇦', '🇫🇷', '👍🏽', '🏳️‍🌈', '1️⃣']);
    const family = tokenize(t)[2]!;
    expect([family.start, family.end]).toEqual([6, 14]);
  });

  it('gives UTF-16 offsets, sequential ids and the ws flag', () => {
    expect(tokenize('L’armée, ici.')).toEqual([
      { text: 'L’', start: 0, end: 2, id: 0, ws: false },
      { text: 'armée', start: 2, end: 7, id: 1, ws: false },
      { text: ',', start: 7, end: 8, id: 2, ws: true },
      { text: 'ici', start: 9, end: 12, id: 3, ws: false },
      { text: '.', start: 12, end: 13, id: 4, ws: false },
    ]);
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\u00A0')).toEqual([]);
  });

  it('tokenizes the seed article so that every token is its own slice of the text', () => {
    const tokens = tokenize(seed);
    expect(tokens[0]).toMatchObject({ text: 'Kiev', start: 0, end: 4 });
    expect(texts(seed.slice(0, 14))).toEqual(['Kiev', '[', 'Ukraine', ']']);
    for (const t of tokens) expect(seed.slice(t.start, t.end)).toBe(t.text);
    // Nothing but whitespace lies between tokens.
    let prev = 0;
    for (const t of tokens) {
      expect(seed.slice(prev, t.start).trim()).toBe('');
      prev = t.end;
    }
  });
});

describe('trimWhitespace', () => {
  it('trims every kind of whitespace and returns null for a blank range', () => {
    expect(trimWhitespace(' \u00A0Kiev\u202F\r\n', 0, 9)).toEqual({ start: 2, end: 6 });
    expect(trimWhitespace('a \u00A0 b', 1, 4)).toBeNull();
    expect(trimWhitespace('abc', 5, -2)).toEqual({ start: 0, end: 3 });
  });
});

describe('snapToTokens', () => {
  it('snaps a partial selection of "Kiev" in the seed sentence', () => {
    const first = seed.slice(0, seed.indexOf('\n'));
    expect(first.startsWith('Kiev [Ukraine]')).toBe(true);
    const kiev = seed.indexOf('Kiev', 10); // "… missiles russes sur Kiev dans la nuit"
    for (const [s, e] of [[kiev + 1, kiev + 3], [kiev - 1, kiev + 2], [kiev + 2, kiev + 5]] as const) {
      expect(snapToTokens(seed, s, e)).toEqual({ start: kiev, end: kiev + 4 });
      expect(snapToTokens(seed, s, e, tokenize(seed))).toEqual({ start: kiev, end: kiev + 4 });
    }
    expect(seed.slice(kiev, kiev + 4)).toBe('Kiev');
    expect(snapToTokens(first, 1, 3)).toEqual({ start: 0, end: 4 });
    expect(snapToTokens(first, 6, 9)).toEqual({ start: 6, end: 13 }); // "Ukraine" without brackets
  });

  it('widens across elisions, emoji and accents and returns null for whitespace', () => {
    const t = 'Dans l’armée 👩‍👩‍👧 he\u0301ros';
    expect(snapToTokens(t, 8, 9)).toEqual({ start: 7, end: 12 });
    expect(snapToTokens(t, 14, 15)).toEqual({ start: 13, end: 21 });
    expect(snapToTokens(t, 23, 24)).toEqual({ start: 22, end: 28 });
    expect(snapToTokens(t, 4, 5)).toBeNull();
  });
});

describe('tokenRange', () => {
  const text = 'La Russie a frappé Kiev.';
  const tokens = tokenize(text);

  it('finds the inclusive token range of a span on token boundaries', () => {
    expect(tokenRange(tokens, 3, 9)).toEqual({ tokenStart: 1, tokenEnd: 1 });
    expect(tokenRange(tokens, 0, 24)).toEqual({ tokenStart: 0, tokenEnd: 5 });
    expect(tokenRange(tokens, 19, 23)).toEqual({ tokenStart: 4, tokenEnd: 4 });
  });

  it('returns null off token boundaries or for empty spans', () => {
    expect(tokenRange(tokens, 4, 9)).toBeNull();
    expect(tokenRange(tokens, 3, 8)).toBeNull();
    expect(tokenRange(tokens, 2, 9)).toBeNull();
    expect(tokenRange(tokens, 3, 3)).toBeNull();
    expect(tokenRange([], 0, 1)).toBeNull();
  });

  it('answers 10,000 lookups over 170,000 tokens', () => {
    const big = 'Les frappes sur Kiev ont tué deux des personnes. '.repeat(17_000);
    const all = tokenize(big);
    expect(all.length).toBe(170_000);
    for (let i = 0; i < 10_000; i++) {
      const k = (i * 17) % (all.length - 1);
      expect(tokenRange(all, all[k]!.start, all[k + 1]!.end)).toEqual({ tokenStart: k, tokenEnd: k + 1 });
    }
  });
});

describe('tokenize (property)', () => {
  it('covers every non-whitespace character exactly once, in order, on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const tokens = tokenize(text);
      let prev = 0;
      tokens.forEach((t, i) => {
        expect(t.id).toBe(i);
        expect(t.start).toBeGreaterThanOrEqual(prev);
        expect(t.end).toBeGreaterThan(t.start);
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(/[\s\u200B]/.test(t.text)).toBe(false);
        expect(/^[\s\u200B]*$/.test(text.slice(prev, t.start))).toBe(true);
        expect(t.ws).toBe(t.end < text.length && /[\s\u200B]/.test(text[t.end]!));
        prev = t.end;
      });
      expect(/^[\s\u200B]*$/.test(text.slice(prev))).toBe(true);
    }));
  });
});
