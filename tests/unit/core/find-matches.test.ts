import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findAll, findInRange, foldQuery } from '../../../core/text/find-matches';
import { foldForSearch } from '../../../renderer/db/project-store';

const slices = (text: string, query: string) => findAll(text, query).map((m) => text.slice(m.start, m.end));

describe('findAll', () => {
  it('ignores case and accents, like the document search, and gives offsets into the original text', () => {
    const text = 'Sébastopol, SEBASTOPOL et sebastopol 😀 Kyïv';
    expect(slices(text, 'sebastopol')).toEqual(['Sébastopol', 'SEBASTOPOL', 'sebastopol']);
    expect(slices(text, 'kyiv')).toEqual(['Kyïv']);
    expect(findAll(text, 'kyiv')[0]).toEqual({ start: text.indexOf('Kyïv'), end: text.length });
  });

  it('keeps a combining accent inside the match and does not split a ligature', () => {
    const text = 'Cafe\u0301 ﬁnal';
    expect(slices(text, 'cafe')).toEqual(['Cafe\u0301']);
    expect(slices(text, 'final')).toEqual(['ﬁnal']);
    expect(slices(text, 'inal')).toEqual([]);
  });

  it('finds every match once when a long text is searched in slices', () => {
    const text = 'drones et drones, '.repeat(50);
    const query = foldQuery('DRONES');
    const sliced = [];
    for (let from = 0; from < text.length; from += 37) sliced.push(...findInRange(text, query, from, Math.min(from + 37, text.length), query.length + 16));
    expect(sliced).toEqual(findAll(text, 'drones'));
    expect(sliced).toHaveLength(100);
  });

  it('only returns slices that fold to the query', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'A', 'é', 'É', 'e', '\u0301', ' ', 'ﬁ', 'i', '😀'), maxLength: 80 }), fc.string({ unit: fc.constantFrom('a', 'e', 'é', 'i', ' '), minLength: 1, maxLength: 4 }), (text, query) => {
        for (const match of findAll(text, query)) expect(foldForSearch(text.slice(match.start, match.end))).toBe(foldForSearch(query));
      }),
    );
  });
});
