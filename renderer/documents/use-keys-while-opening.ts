/**
 * While the next document's text is being read there is no annotate view to take keys: N and P
 * still move through the list (pressing N twice goes two documents on), and the annotation keys
 * say the document is still opening instead of doing nothing.
 */
import { useLayoutEffect } from 'react';
import type { LabelDef } from '../../core/model';
import { isTyping } from '../shell/typing-target';
import { labelForKey } from '../annotate/label-keys';

/** Hook: handles keys while `active` (a document is opening and no dialog is up). */
export function useKeysWhileOpening(active: boolean, labels: readonly LabelDef[], onNavigate: (step: 1 | -1) => void, onMessage: (message: string) => void): void {
  useLayoutEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (!mod && !event.altKey && (key === 'n' || key === 'p')) {
        event.preventDefault();
        onNavigate(key === 'n' ? 1 : -1);
        return;
      }
      const annotationKey = mod ? key === 'z' || key === 'y' || event.key === 'Enter' : labelForKey(labels, event) !== undefined;
      if (annotationKey) {
        event.preventDefault();
        onMessage('The document is still opening: try again in a moment.');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active, labels, onNavigate, onMessage]);
}
