/**
 * Cuts a document into the blocks its view renders one by one: its lines (paragraphs), with a line
 * longer than a few thousand characters cut into pieces at a sentence end or a space, so that no
 * single block costs more than a screenful to paint, even in a 50 MB one-line document.
 */
import { paragraphAt } from './paragraphs.js';

/** A run `[start, end)` of one line of text in UTF-16 code units; `continued` when it goes on a line cut before it. */
export interface TextBlock {
  start: number;
  end: number;
  /** True for the second and later pieces of a line longer than the block limit. */
  continued: boolean;
}

/** Longest block, in UTF-16 code units. */
export const MAX_BLOCK_CHARS = 3000;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Where to cut a line between `start` and `limit` (exclusive): after a sentence end or a space in the last third, else at `limit`. */
function cutPoint(text: string, start: number, limit: number): number {
  const floor = start + Math.floor((limit - start) * (2 / 3));
  const sentence = text.lastIndexOf('. ', limit - 2);
  if (sentence >= floor) return sentence + 2;
  const space = text.lastIndexOf(' ', limit - 1);
  if (space >= floor) return space + 1;
  // No space: never cut a surrogate pair in two.
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

function pushLine(blocks: TextBlock[], text: string, start: number, end: number, maxChars: number): void {
  let from = start;
  let continued = false;
  while (end - from > maxChars) {
    const cut = cutPoint(text, from, from + maxChars);
    blocks.push({ start: from, end: cut, continued });
    from = cut;
    continued = true;
  }
  blocks.push({ start: from, end, continued });
}

/** Splits text at `\r\n`, `\n` or `\r` (the breaks belong to no block) and cuts lines longer than `maxChars`. */
export function splitBlocks(text: string, maxChars = MAX_BLOCK_CHARS): TextBlock[] {
  const blocks: TextBlock[] = [];
  let start = 0;
  // indexOf runs far faster than a character loop on a 50 MB text.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    const at = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
    pushLine(blocks, text, start, at, maxChars);
    start = at + (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1);
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
  }
  pushLine(blocks, text, start, text.length, maxChars);
  return blocks;
}

/** Index of the block containing `offset`; an offset on a line break belongs to the block before it. */
export function blockAt(blocks: readonly TextBlock[], offset: number): number {
  // Blocks are runs in order, like paragraphs: the same search finds them.
  return paragraphAt(blocks, offset);
}
