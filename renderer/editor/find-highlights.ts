/**
 * Paints find matches over the rendered text with the CSS Custom Highlight API: no DOM or Lexical
 * change, so the text, its offsets and its marks stay as they are. Only rendered blocks are painted;
 * the view calls `paint` again whenever blocks come into view.
 */
import type { TextMatch } from '../../core/text/find-matches';
import type { DocumentWindow } from './document-window';
import { rangeAt } from './dom-offsets';
import { matchFrom } from './find-run';

/** Highlight names, styled by `::highlight(...)` in editor.css. */
const ALL = 'spanlight-find';
const CURRENT = 'spanlight-find-current';

/** Paints `matches` inside the rendered blocks of `view`, the one at `current` distinctly. */
export function paintFindHighlights(view: DocumentWindow, matches: readonly TextMatch[], current: number): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  const all: Range[] = [];
  for (const index of view.renderedIndices) {
    const block = view.blocks[index]!;
    for (let m = matchFrom(matches, block.start); m < matches.length && matches[m]!.start < block.end && matches[m]!.start >= block.start; m++) {
      if (m === current) continue;
      const range = rangeAt(view.root, matches[m]!.start, matches[m]!.end);
      if (range) all.push(range);
    }
  }
  CSS.highlights.set(ALL, new Highlight(...all));
  const currentMatch = matches[current];
  const range = currentMatch ? rangeAt(view.root, currentMatch.start, currentMatch.end) : null;
  if (range) CSS.highlights.set(CURRENT, new Highlight(range));
  else CSS.highlights.delete(CURRENT);
}

/** Removes the find highlights. */
export function clearFindHighlights(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete(ALL);
  CSS.highlights.delete(CURRENT);
}
