/**
 * Mouse gestures on the document text: a double-click selects the token under the pointer (the
 * document's own tokens when it brought them, else the core tokenizer's, never the browser's idea
 * of a word); in label-first mode, the end of each drag or double-click tags what it selected.
 */
import { useCallback, useRef, type RefObject } from 'react';
import type { DocToken } from '../../core/model';
import { offsetOfPoint, placeCaretAtOffset } from '../editor/dom-offsets';
import { tokenAt } from './token-at';

/** What the gestures need from the annotate view. */
export interface TextGestureOptions {
  root: RefObject<HTMLElement | null>;
  text: string;
  tokens?: readonly DocToken[];
  /** The label-first label, or null when the person selects first. */
  labelFirst: string | null;
  /** Tags the current selection; false when nothing is selected in the text. */
  tagSelection: (label: string, exact: boolean) => boolean;
  /** What a plain click on the text does (select the span under it). */
  onClick: (event: React.MouseEvent) => void;
}

/** Text offset of the caret position under a screen point, or null outside the text. */
function offsetAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return offsetOfPoint(root, undefined, position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? offsetOfPoint(root, undefined, range.startContainer, range.startOffset) : null;
}

/** Selects `[start, end)` of the text in the page; false when that part is not rendered. */
function selectOffsets(root: HTMLElement, start: number, end: number): boolean {
  const selection = window.getSelection();
  if (!selection || !placeCaretAtOffset(root, undefined, end)) return false;
  const endNode = selection.focusNode;
  const endOffset = selection.focusOffset;
  if (!endNode || !placeCaretAtOffset(root, undefined, start)) return false;
  selection.extend(endNode, endOffset);
  return true;
}

/** Hook: mouse handlers for the element around the document text. */
export function useTextGestures({ root, text, tokens, labelFirst, tagSelection, onClick }: TextGestureOptions) {
  // The click that ends a drag which tagged is not also a click on a highlight.
  const justTagged = useRef(false);
  // A press on the scroll bar is no drag across words: its release tags nothing.
  const pressedOnText = useRef(false);

  const onMouseDown = useCallback(
    (event: React.MouseEvent<HTMLElement>) => {
      const scroller = event.currentTarget;
      const box = scroller.getBoundingClientRect();
      const onScrollBar = event.clientX >= box.left + scroller.clientLeft + scroller.clientWidth || event.clientY >= box.top + scroller.clientTop + scroller.clientHeight;
      pressedOnText.current = event.button === 0 && !onScrollBar;
      const element = root.current;
      if (!pressedOnText.current || event.detail < 2 || !element?.contains(event.target as Node)) return;
      // No native word or paragraph selection: a double-click selects one token, a triple-click nothing more.
      event.preventDefault();
      if (event.detail !== 2) return;
      const offset = offsetAtPoint(element, event.clientX, event.clientY);
      const token = offset === null ? null : tokenAt(text, offset, tokens);
      if (token) selectOffsets(element, token.start, token.end);
    },
    [root, text, tokens],
  );

  const onMouseUp = useCallback(
    (event: React.MouseEvent) => {
      justTagged.current = false;
      if (!labelFirst || !pressedOnText.current || event.button !== 0 || event.detail > 2) return;
      justTagged.current = tagSelection(labelFirst, event.altKey);
    },
    [labelFirst, tagSelection],
  );

  const onTextClick = useCallback(
    (event: React.MouseEvent) => {
      if (justTagged.current) {
        justTagged.current = false;
        return;
      }
      onClick(event);
    },
    [onClick],
  );

  return { onMouseDown, onMouseUp, onClick: onTextClick };
}
