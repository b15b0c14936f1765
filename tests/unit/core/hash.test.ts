import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur3_32, prodigyHash, textHash } from '../../../core/text/hash.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('murmur3_32', () => {
  it('matches the reference MurmurHash3 x86_32 vectors', () => {
    expect(murmur3_32(utf8(''), 0)).toBe(0);
    expect(murmur3_32(utf8(''), 1)).toBe(0x514e28b7);
    expect(murmur3_32(utf8('abc'), 0)).toBe(0xb3dd93fa);
    expect(murmur3_32(utf8('aaaa'), 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur3_32(utf8('Hello, world!'), 1234)).toBe(0xfaf6cdb3);
    expect(murmur3_32(utf8('The quick brown fox jumps over the lazy dog'), 0)).toBe(0x2e4ff723);
  });
});

describe('prodigyHash', () => {
  it('equals Python mmh3.hash (signed, UTF-8, seed 0)', () => {
    expect(prodigyHash('foo')).toBe(-156908512);
    expect(prodigyHash('abc')).toBe(0xb3dd93fa | 0);
    expect(prodigyHash('')).toBe(0);
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(prodigyHash('Kiev 😀')).toBe(murmur3_32(utf8('Kiev 😀')) | 0);
    expect(prodigyHash('é')).not.toBe(prodigyHash('e\u0301'));
  });

  it('is always a signed 32-bit integer (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const h = prodigyHash(s);
      expect(Number.isInteger(h) && h >= -0x80000000 && h <= 0x7fffffff).toBe(true);
    }));
  });
});

describe('textHash', () => {
  it('is 16 hex digits and stable across calls', () => {
    const h = textHash('Kiev [Ukraine], frappes de nuit.');
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(textHash('Kiev [Ukraine], frappes de nuit.')).toBe(h);
  });

  it('distinguishes texts differing by one code unit, normalization or line ends', () => {
    const variants = ['Kiev', 'Kiew', 'kiev', 'Kiev ', 'é', 'e\u0301', 'a\r\nb', 'a\nb', '', '\u0000', 'ab', 'ba'];
    expect(new Set(variants.map(textHash)).size).toBe(variants.length);
  });

  it('has no collisions on 20,000 similar strings', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(textHash(`document ${i}`));
    expect(seen.size).toBe(20_000);
  });

  it('hashes 1 MB', () => {
    const big = 'Les frappes sur Kiev 😀 '.repeat(45_000);
    expect(textHash(big)).toMatch(/^[0-9a-f]{16}$/);
    expect(textHash(big)).not.toBe(textHash(big.slice(1)));
  });
});
