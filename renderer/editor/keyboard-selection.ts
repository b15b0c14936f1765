/**
 * Keyboard selection in the read-only text, as in an editor: arrows move a caret (Ctrl/Alt by word),
 * Shift+arrows extend the selection from it, Home/End go to the line's ends.
 */

const DIRECTIONS: Record<string, 'forward' | 'backward'> = {
  ArrowRight: 'forward',
  ArrowLeft: 'backward',
  ArrowDown: 'forward',
  ArrowUp: 'backward',
  End: 'forward',
  Home: 'backward',
};

function granularityOf(event: KeyboardEvent): 'lineboundary' | 'line' | 'word' | 'character' {
  if (event.key === 'Home' || event.key === 'End') return 'lineboundary';
  if (event.key === 'ArrowUp' || event.key === 'ArrowDown') return 'line';
  return event.ctrlKey || event.altKey ? 'word' : 'character';
}

/** Keeps the selection's moving end on screen. */
function revealFocus(selection: Selection): void {
  const node = selection.focusNode;
  const element = node instanceof Element ? node : node?.parentElement;
  element?.scrollIntoView({ block: 'nearest' });
}

/**
 * Moves (arrows) or extends (Shift+arrows) the DOM selection inside `root` for arrow, Home and End keys;
 * returns true when it handled the key. Plain arrows act only while the text has the focus, so other
 * controls keep their arrow keys.
 */
export function moveSelectionByKey(event: KeyboardEvent, root: HTMLElement): boolean {
  const direction = DIRECTIONS[event.key];
  if (!direction || event.metaKey) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  const focused = document.activeElement === root;
  const inside = selection.rangeCount > 0 && root.contains(selection.focusNode);
  if (!event.shiftKey && !focused) return false;
  if (!inside) {
    if (!focused) return false;
    // Keyboard users who tabbed into the text start from its beginning.
    selection.collapse(root, 0);
  }
  event.preventDefault();
  selection.modify(event.shiftKey ? 'extend' : 'move', direction, granularityOf(event));
  revealFocus(selection);
  return true;
}
