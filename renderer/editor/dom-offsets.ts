/**
 * Maps between DOM points in the rendered document and UTF-16 offsets into its whole text. Only the
 * blocks near the screen are rendered; each carries its global offsets (`data-start`, `data-end`),
 * so a point maps to the same offset whatever is rendered around it.
 */
import type { Paragraph } from '../../core/text/paragraphs';
import { BLOCK_INDEX_ATTRIBUTE, blockElementOf } from './document-block-node';

function startOf(block: Element): number {
  return Number((block as HTMLElement).dataset.start);
}

function endOf(block: Element): number {
  return Number((block as HTMLElement).dataset.end);
}

/** The rendered block elements, in document order. */
export function renderedBlocks(root: HTMLElement): HTMLElement[] {
  return Array.from(root.children).filter((c): c is HTMLElement => c instanceof HTMLElement && c.hasAttribute(BLOCK_INDEX_ATTRIBUTE));
}

/**
 * Offset in the document text of a DOM point inside the editor root, or null when outside.
 * (`paragraphs` is no longer needed — blocks carry their offsets — and kept for callers.)
 */
export function offsetOfPoint(root: HTMLElement, _paragraphs: readonly Paragraph[] | undefined, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node === root) {
    // Between blocks: before the block at `offset`, or at the end of the last one.
    const after = root.childNodes[offset];
    if (after instanceof Element && after.hasAttribute(BLOCK_INDEX_ATTRIBUTE)) return startOf(after);
    const before = root.childNodes[offset - 1];
    return before instanceof Element && before.hasAttribute(BLOCK_INDEX_ATTRIBUTE) ? endOf(before) : 0;
  }
  const block = blockElementOf(node);
  if (!block) return null;
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return Math.min(startOf(block) + range.toString().length, endOf(block));
}

/** The current DOM selection as `[start, end)` offsets, or null when it is collapsed or outside the editor. */
export function selectionOffsets(root: HTMLElement, paragraphs?: readonly Paragraph[]): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOfPoint(root, paragraphs, range.startContainer, range.startOffset);
  const end = offsetOfPoint(root, paragraphs, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The span-id lists of the marks under an event target, innermost last; empty when not on a highlight. */
export function spanIdsAt(target: EventTarget | null): string[] {
  const element = target instanceof Element ? target.closest('mark[data-span-ids]') : null;
  return element instanceof HTMLElement ? (element.dataset.spanIds ?? '').split(' ').filter(Boolean) : [];
}

/** The rendered block element containing `offset` (a line break belongs to the block before it), or null. */
export function blockElementAt(root: HTMLElement, offset: number): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const block of renderedBlocks(root)) {
    if (startOf(block) > offset) break;
    found = block;
  }
  return found && offset <= endOf(found) ? found : null;
}

/** The DOM point (text node and offset in it) at UTF-16 `offset` of the text, or null when its block is not rendered. */
export function domPointAt(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  const block = blockElementAt(root, offset);
  if (!block) return null;
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let left = offset - startOf(block);
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) return { node, offset: left };
    left -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: block, offset: 0 };
}

/** A DOM range over `[start, end)` of the text, or null when either end is not rendered. */
export function rangeAt(root: HTMLElement, start: number, end: number): Range | null {
  const from = domPointAt(root, start);
  const to = domPointAt(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Puts the caret (a collapsed DOM selection) at UTF-16 `offset` of the document text; false when that block is not rendered. */
export function placeCaretAtOffset(root: HTMLElement, _paragraphs: readonly Paragraph[] | undefined, offset: number): boolean {
  const point = domPointAt(root, offset);
  if (!point) return false;
  window.getSelection()?.collapse(point.node, point.offset);
  return true;
}
