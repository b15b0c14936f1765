/** Maps between DOM selection points in the rendered document and UTF-16 offsets into its text. */
import { paragraphAt, type Paragraph } from '../../core/text/paragraphs';
import { paragraphBeforePoint, paragraphElement, paragraphIndexOf } from './paragraph-elements';

/** Offset in the document text of a DOM point inside the editor root, or null when outside. */
export function offsetOfPoint(root: HTMLElement, paragraphs: readonly Paragraph[], node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const before = paragraphBeforePoint(root, node, offset);
  if (before !== null) {
    if (before >= paragraphs.length) return paragraphs[paragraphs.length - 1]?.end ?? 0;
    return paragraphs[before]?.start ?? 0;
  }
  const index = paragraphIndexOf(root, node);
  const paragraph = paragraphs[index];
  const element = paragraphElement(root, index);
  if (!paragraph || !element) return null;
  const range = document.createRange();
  range.setStart(element, 0);
  range.setEnd(node, offset);
  return Math.min(paragraph.start + range.toString().length, paragraph.end);
}

/** The current DOM selection as `[start, end)` offsets, or null when it is collapsed or outside the editor. */
export function selectionOffsets(root: HTMLElement, paragraphs: readonly Paragraph[]): { start: number; end: number } | null {
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

/** Puts the caret (a collapsed DOM selection) at UTF-16 `offset` of the document text; false when that paragraph is not rendered. */
export function placeCaretAtOffset(root: HTMLElement, paragraphs: readonly Paragraph[], offset: number): boolean {
  const index = paragraphAt(paragraphs, offset);
  const paragraph = paragraphs[index];
  const element = paragraphElement(root, index);
  if (!paragraph || !element) return false;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let left = Math.min(offset, paragraph.end) - paragraph.start;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (left <= length) {
      window.getSelection()?.collapse(node, left);
      return true;
    }
    left -= length;
  }
  return false;
}
