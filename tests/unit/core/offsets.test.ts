import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OffsetMap, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from '../../../core/text/offsets.js';

// "a😀b👩‍👩‍👧c🇺🇦e\u0301" — 😀 is 1 astral code point, the family is 3 astral + 2 ZWJ, the flag 2 astral.
const TEXT = 'a😀b👩‍👩‍👧c🇺🇦e\u0301';

describe('utf16ToCodePoint / codePointToUtf16', () => {
  it('converts around astral characters', () => {
    expect(utf16ToCodePoint(TEXT, 0)).toBe(0);
    expect(utf16ToCodePoint(TEXT, 1)).toBe(1); // before 😀
    expect(utf16ToCodePoint(TEXT, 3)).toBe(2); // after 😀
    expect(utf16ToCodePoint(TEXT, 4)).toBe(3); // after b
    expect(utf16ToCodePoint(TEXT, TEXT.length)).toBe([...TEXT].length);
    expect(codePointToUtf16(TEXT, 2)).toBe(3);
    expect(codePointToUtf16(TEXT, 3)).toBe(4);
    expect(codePointToUtf16(TEXT, [...TEXT].length)).toBe(TEXT.length);
  });

  it('is the identity on BMP text, combining accents included', () => {
    const t = 'Kiev « e\u0301 »\u00A0\u202F';
    for (let i = 0; i <= t.length; i++) {
      expect(utf16ToCodePoint(t, i)).toBe(i);
      expect(codePointToUtf16(t, i)).toBe(i);
    }
  });

  it('throws RangeError out of range or inside a surrogate pair', () => {
    expect(() => utf16ToCodePoint(TEXT, 2)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(TEXT, -1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(TEXT, TEXT.length + 1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(TEXT, 1.5)).toThrow(RangeError);
    expect(() => codePointToUtf16(TEXT, [...TEXT].length + 1)).toThrow(RangeError);
    expect(() => codePointToUtf16(TEXT, -1)).toThrow(RangeError);
  });

  it('counts a lone surrogate as one code point', () => {
    const t = 'a\uD83Db\uDE00c';
    expect(utf16ToCodePoint(t, 5)).toBe(5);
    expect(codePointToUtf16(t, 3)).toBe(3);
  });
});

describe('sliceCodePoints', () => {
  it('slices like Python str slicing', () => {
    expect(sliceCodePoints(TEXT, 1, 2)).toBe('😀');
    expect(sliceCodePoints(TEXT, 3, 8)).toBe('👩‍👩‍👧');
    expect(sliceCodePoints(TEXT, 9, 11)).toBe('🇺🇦');
    expect(sliceCodePoints(TEXT, 11, 13)).toBe('e\u0301');
    expect(sliceCodePoints(TEXT, 2, 2)).toBe('');
  });

  it('throws on bad ranges', () => {
    expect(() => sliceCodePoints(TEXT, 3, 2)).toThrow(RangeError);
    expect(() => sliceCodePoints(TEXT, 0, 99)).toThrow(RangeError);
  });
});

describe('OffsetMap', () => {
  it('agrees with the scanning functions at every offset', () => {
    const map = new OffsetMap(TEXT);
    expect(map.codePointLength).toBe([...TEXT].length);
    expect(map.isIdentity).toBe(false);
    for (let cp = 0; cp <= map.codePointLength; cp++) {
      const u = map.toUtf16(cp);
      expect(u).toBe(codePointToUtf16(TEXT, cp));
      expect(map.toCodePoint(u)).toBe(cp);
    }
    expect(() => map.toCodePoint(2)).toThrow(RangeError);
    expect(() => map.toUtf16(map.codePointLength + 1)).toThrow(RangeError);
    expect(() => map.toCodePoint(-1)).toThrow(RangeError);
  });

  it('is the identity for BMP-only text', () => {
    const map = new OffsetMap('L’armée à Kiev');
    expect(map.isIdentity).toBe(true);
    expect(map.codePointLength).toBe(14);
    expect(map.toCodePoint(7)).toBe(7);
    expect(map.toUtf16(14)).toBe(14);
  });

  it('handles 10,000 conversions on a 1 MB text with many astral characters', () => {
    const unit = 'Frappe sur Kiev 😀 🇺🇦, ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const map = new OffsetMap(text);
    const step = Math.floor(map.codePointLength / 10_000);
    for (let cp = 0; cp < map.codePointLength; cp += step) {
      expect(map.toCodePoint(map.toUtf16(cp))).toBe(cp);
    }
    // A known position: the 😀 of the second repetition.
    const second = unit.length + unit.indexOf('😀');
    expect(map.toCodePoint(second)).toBe([...unit].length + [...unit.slice(0, unit.indexOf('😀'))].length);
  });

  it('round-trips utf16 → code point → utf16 on random strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), (text, seed) => {
        const map = new OffsetMap(text);
        expect(map.codePointLength).toBe([...text].length);
        const offsets = [0, text.length, seed % (text.length + 1)];
        for (const u of offsets) {
          const splits = u > 0 && u < text.length && /[\uD800-\uDBFF]/.test(text[u - 1]!) && /[\uDC00-\uDFFF]/.test(text[u]!);
          if (splits) {
            expect(() => map.toCodePoint(u)).toThrow(RangeError);
            continue;
          }
          const cp = map.toCodePoint(u);
          expect(cp).toBe(utf16ToCodePoint(text, u));
          expect(map.toUtf16(cp)).toBe(u);
          expect(codePointToUtf16(text, cp)).toBe(u);
          expect(sliceCodePoints(text, 0, cp)).toBe(text.slice(0, u));
        }
      }),
    );
  });

  it('round-trips with lone surrogates too (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }), (a, b) => {
        const text = a + b + a;
        const map = new OffsetMap(text);
        expect(map.codePointLength).toBe([...text].length);
        for (let cp = 0; cp <= map.codePointLength; cp++) expect(map.toCodePoint(map.toUtf16(cp))).toBe(cp);
      }),
    );
  });
});
