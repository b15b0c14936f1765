import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockAt, splitBlocks } from '../../../core/text/blocks';
import { splitParagraphs } from '../../../core/text/paragraphs';

describe('splitBlocks', () => {
  it('gives one block per line, like the paragraphs, when lines are short', () => {
    const text = 'Kiev\r\n\r\nOdessa\nLviv\rend';
    expect(splitBlocks(text).map((b) => [text.slice(b.start, b.end), b.continued])).toEqual([
      ['Kiev', false],
      ['', false],
      ['Odessa', false],
      ['Lviv', false],
      ['end', false],
    ]);
  });

  it('cuts a long line after a sentence end, then at a space, never inside a surrogate pair', () => {
    const sentence = 'Les drones ont frappé Kharkiv. ';
    const text = sentence.repeat(10);
    const blocks = splitBlocks(text, 100);
    expect(blocks.every((b) => b.end - b.start <= 100)).toBe(true);
    expect(blocks.slice(0, -1).every((b) => text.slice(b.start, b.end).endsWith('. '))).toBe(true);
    expect(blocks.map((b) => b.continued)).toEqual(blocks.map((_, i) => i > 0));
    const emoji = '😀'.repeat(60);
    const cut = splitBlocks(emoji, 25);
    expect(cut.every((b) => b.start % 2 === 0 && b.end % 2 === 0)).toBe(true);
  });

  it('covers every character of the text exactly once, outside line breaks, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '.', '\n', '\r', 'é', '😀'), maxLength: 400 }), fc.integer({ min: 4, max: 60 }), (text, max) => {
        const blocks = splitBlocks(text, max);
        const lines = splitParagraphs(text);
        // Joining the blocks of each line gives the line back.
        let b = 0;
        for (const line of lines) {
          let joined = '';
          do joined += text.slice(blocks[b]!.start, blocks[b]!.end);
          while (blocks[++b]?.continued);
          expect(joined).toBe(text.slice(line.start, line.end));
        }
        expect(b).toBe(blocks.length);
        for (const block of blocks) expect(block.end - block.start).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('blockAt', () => {
  it('finds the block of an offset; a line break belongs to the block before it', () => {
    const text = 'ab\ncd\n\nef';
    const blocks = splitBlocks(text);
    expect([0, 1, 2, 3, 5, 6, 7, 9].map((o) => blockAt(blocks, o))).toEqual([0, 0, 0, 1, 1, 2, 3, 3]);
  });
});
