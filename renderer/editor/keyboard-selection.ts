/** Keyboard selection in the read-only text: Shift+arrows extend the selection (Ctrl/Alt by word), as in an editor. */

const DIRECTIONS: Record<string, 'forward' | 'backward'> = {
  ArrowRight: 'forward',
  ArrowLeft: 'backward',
  ArrowDown: 'forward',
  ArrowUp: 'backward',
  End: 'forward',
  Home: 'backward',
};

/** Extends the DOM selection for Shift+Arrow/Home/End inside `root`; returns true when it handled the key. */
export function extendSelectionByKey(event: KeyboardEvent, root: HTMLElement): boolean {
  const direction = DIRECTIONS[event.key];
  if (!event.shiftKey || !direction) return false;
  const selection = window.getSelection();
  if (!selection) return false;
  if (selection.rangeCount === 0 || !root.contains(selection.focusNode)) {
    // Keyboard users who tabbed into the text start from its beginning.
    if (document.activeElement !== root) return false;
    selection.collapse(root, 0);
  }
  const granularity =
    event.key === 'Home' || event.key === 'End'
      ? 'lineboundary'
      : event.key === 'ArrowUp' || event.key === 'ArrowDown'
        ? 'line'
        : event.ctrlKey || event.altKey
          ? 'word'
          : 'character';
  event.preventDefault();
  selection.modify('extend', direction, granularity);
  return true;
}
