import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spacyTokens } from '../../../core/text/spacy-tokens.js';
import { writeSpanlightJsonl } from '../../../core/formats/spanlight-jsonl.js';
import { item } from '../formats/helpers.js';

/** What spaCy's Doc(words, spaces) would hold as its text. */
const rebuilt = (tokens: { text: string; ws: boolean }[]) => tokens.map((t) => t.text + (t.ws ? ' ' : '')).join('');

describe('tokens in spaCy\'s whitespace layout', () => {
  it('gives one space to the token before it and makes every other whitespace run a token', () => {
    const text = 'Les soldats\r\nà\tGao\u00a0:  fin. ';
    expect(spacyTokens(text).map((t) => [t.text, t.ws])).toEqual([
      ['Les', true], ['soldats', false], ['\r\n', false], ['à', false], ['\t', false], ['Gao', false], ['\u00a0', false], [':', true], [' ', false],
      ['fin', false], ['.', true],
    ]);
  });

  it('keeps leading whitespace as a token', () => {
    expect(spacyTokens('\n Kiev').map((t) => [t.text, t.start, t.end, t.ws])).toEqual([['\n ', 0, 2, false], ['Kiev', 2, 6, false]]);
  });

  it('rebuilds any text, emoji, CRLF and no-break spaces included (property)', () => {
    const piece = fc.constantFrom('Kiev', 'l’armée', ' ', '  ', '\r\n', '\n', '\t', '\u00a0', '\u202f', '😀', '👨‍👩‍👧', '🇺🇦', 'é', 'e\u0301', ',', '«', '»', '3,5');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        const tokens = spacyTokens(text);
        expect(rebuilt(tokens)).toBe(text);
        tokens.forEach((t, i) => {
          expect(t.id).toBe(i);
          expect(text.slice(t.start, t.end)).toBe(t.text);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('Spanlight JSONL tokens rebuild a CRLF text, and spans point at their tokens', () => {
    const text = 'Les soldats\r\nà Gao.\r\n';
    // The last span crosses the line break: its tokens include the whitespace token.
    const { output } = writeSpanlightJsonl([item(text, [[4, 11, 'ACTOR'], [15, 18, 'LOCATION'], [4, 18, 'EVENT']])], { tokens: true });
    const record = JSON.parse(output) as { tokens: { text: string; ws: boolean }[]; spans: { text: string; token_start: number; token_end: number }[] };
    expect(rebuilt(record.tokens)).toBe(text);
    expect(record.spans.map((s) => s.text)).toEqual(['soldats', 'soldats\r\nà Gao', 'Gao']);
    for (const span of record.spans) expect(rebuilt(record.tokens.slice(span.token_start, span.token_end + 1)).trimEnd()).toBe(span.text);
  });
});
