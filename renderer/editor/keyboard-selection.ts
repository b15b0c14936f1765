/**
 * Keyboard selection in the read-only text, as in an editor: arrows move a caret (Ctrl/Alt by word),
 * Shift+arrows extend the selection from it, Home/End go to the line's ends, Ctrl+Home/End to the
 * document's, PageUp/PageDown a screen up or down — across blocks that are not rendered yet.
 */
import { documentViewOf, nextFrame, selectTo } from './document-view';

const DIRECTIONS: Record<string, 'forward' | 'backward'> = {
  ArrowRight: 'forward',
  ArrowLeft: 'backward',
  ArrowDown: 'forward',
  ArrowUp: 'backward',
  End: 'forward',
  Home: 'backward',
  PageDown: 'forward',
  PageUp: 'backward',
};

function granularityOf(event: KeyboardEvent): 'lineboundary' | 'line' | 'word' | 'character' {
  if (event.key === 'Home' || event.key === 'End') return 'lineboundary';
  if (event.key === 'ArrowUp' || event.key === 'ArrowDown') return 'line';
  return event.ctrlKey || event.altKey ? 'word' : 'character';
}

/** Screen box of the selection's moving end, or null. */
function focusRect(selection: Selection): DOMRect | null {
  if (!selection.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return rect.height > 0 ? rect : null;
}

/** Keeps the selection's moving end on screen (the caret's line, not its whole paragraph). */
function revealFocus(selection: Selection, root: HTMLElement): void {
  const rect = focusRect(selection);
  const scroller = documentViewOf(root)?.scroller;
  if (!rect || !scroller) {
    const node = selection.focusNode;
    (node instanceof Element ? node : node?.parentElement)?.scrollIntoView({ block: 'nearest' });
    return;
  }
  const box = scroller.getBoundingClientRect();
  if (rect.top < box.top) scroller.scrollTop -= box.top - rect.top + rect.height;
  else if (rect.bottom > box.bottom) scroller.scrollTop += rect.bottom - box.bottom + rect.height;
}

/** A screen up or down: the caret keeps its place on screen while the text scrolls under it; at either end of the text, it goes to that end. */
async function movePage(root: HTMLElement, direction: 1 | -1, extend: boolean): Promise<void> {
  const view = documentViewOf(root);
  const selection = window.getSelection();
  if (!view || !selection) return;
  const scroller = view.scroller;
  const box = scroller.getBoundingClientRect();
  const caret = focusRect(selection);
  const onScreen = caret && caret.top >= box.top && caret.bottom <= box.bottom;
  const textBox = root.getBoundingClientRect();
  const x = onScreen ? caret.left + 1 : textBox.left + 2;
  const y = onScreen ? caret.top + caret.height / 2 : direction > 0 ? box.top + 24 : box.bottom - 24;
  const before = scroller.scrollTop;
  scroller.scrollTop += direction * Math.max(40, scroller.clientHeight * 0.85);
  await nextFrame();
  const point = Math.abs(scroller.scrollTop - before) < 1 ? null : document.caretRangeFromPoint(x, y);
  if (!point || !root.contains(point.startContainer)) {
    await selectTo(root, direction > 0 ? view.text.length : 0, extend);
    return;
  }
  if (extend && selection.rangeCount > 0 && root.contains(selection.anchorNode)) selection.extend(point.startContainer, point.startOffset);
  else selection.collapse(point.startContainer, point.startOffset);
}

/** Page and document-edge moves wait for frames: keys pressed meanwhile queue behind them, in order. */
let moves: Promise<unknown> = Promise.resolve();
function queueMove(move: () => Promise<unknown>): void {
  moves = moves.then(move).catch((error: unknown) => window.reportError(error));
}

/**
 * Moves (arrows) or extends (Shift+arrows) the DOM selection inside `root` for arrow, Home, End,
 * PageUp and PageDown keys; returns true when it handled the key. Plain keys act only while the text
 * has the focus, so other controls keep their arrow keys.
 */
export function moveSelectionByKey(event: KeyboardEvent, root: HTMLElement): boolean {
  const direction = DIRECTIONS[event.key];
  if (!direction || event.metaKey) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  const focused = document.activeElement === root;
  const inside = selection.rangeCount > 0 && root.contains(selection.focusNode);
  if (!event.shiftKey && !focused) return false;
  if (!inside && !focused) return false;
  const view = documentViewOf(root);
  if (view && (event.key === 'PageDown' || event.key === 'PageUp')) {
    event.preventDefault();
    const extend = event.shiftKey && inside;
    queueMove(() => movePage(root, direction === 'forward' ? 1 : -1, extend));
    return true;
  }
  if (view && event.ctrlKey && (event.key === 'Home' || event.key === 'End')) {
    event.preventDefault();
    const extend = event.shiftKey && inside;
    queueMove(() => selectTo(root, event.key === 'End' ? view.text.length : 0, extend));
    return true;
  }
  if (event.key === 'PageDown' || event.key === 'PageUp') return false;
  event.preventDefault();
  // Keyboard users who tabbed into the text start from its beginning.
  if (!inside) selection.collapse(root, 0);
  selection.modify(event.shiftKey ? 'extend' : 'move', direction, granularityOf(event));
  revealFocus(selection, root);
  return true;
}
