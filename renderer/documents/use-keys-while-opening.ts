/**
 * While the next document's text is being read there is no annotate view to take keys: N and P
 * still move through the list (pressing N twice goes two documents on), and the annotation keys
 * say the document is still opening instead of doing nothing.
 */
import type { LabelDef } from '../../core/model';
import { useShortcutKeys } from '../annotate/use-shortcut-keys';

/** Hook: handles keys while `active` (a document is opening and no dialog is up). */
export function useKeysWhileOpening(active: boolean, labels: readonly LabelDef[], onNavigate: (step: 1 | -1) => void, onMessage: (message: string) => void): void {
  const opening = () => {
    onMessage('The document is still opening: try again in a moment.');
    return true;
  };
  useShortcutKeys(active, labels, {
    next: () => (onNavigate(1), true),
    previous: () => (onNavigate(-1), true),
    undo: opening,
    redo: opening,
    markDone: opening,
    tag: opening,
    tagExact: opening,
  });
}
