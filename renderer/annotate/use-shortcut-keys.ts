/** Dispatches key presses through the shortcut table to a view's handlers. */
import { useLayoutEffect, useRef } from 'react';
import type { LabelDef } from '../../core/model';
import { isTyping } from '../shell/typing-target';
import { shortcutFor, type ShortcutAction } from './shortcuts';

/** A view's handler for one action: true when it acted (the key's default is then prevented). */
export type ShortcutHandlers = Partial<Record<ShortcutAction, (event: KeyboardEvent) => boolean>>;

/**
 * Hook: while `enabled`, a key press outside text fields that matches a shortcut runs the view's
 * handler for it. Keys a control already handled (default prevented: a list's arrows, a menu's
 * keys) are left alone. A layout effect, so the keys work from the moment the view is on screen.
 */
export function useShortcutKeys(enabled: boolean, labels: readonly LabelDef[], handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      const shortcut = shortcutFor(event, labels);
      const handler = shortcut && latest.current[shortcut.action];
      if (handler?.(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, labels]);
}
