/**
 * The workbench's keyboard shortcuts: one table that the key handlers dispatch through and the
 * shortcut sheet (`?`) lists, so the sheet cannot drift from what the keys do. A handler can only
 * be reached through an entry's `matches`; the sheet shows the same entry's `keys` and `description`.
 */
import type { LabelDef } from '../../core/model';
import { labelForKey } from './label-keys';

/** What a shortcut does; each view maps the actions it handles to a function. */
export type ShortcutAction =
  | 'help'
  | 'undo'
  | 'redo'
  | 'markDone'
  | 'moveCaret'
  | 'find'
  | 'tagExact'
  | 'tag'
  | 'tagWithMode'
  | 'deleteSpan'
  | 'escape'
  | 'next'
  | 'previous';

/** One shortcut: how it is written for people, what it does, and which key presses it takes. */
export interface Shortcut {
  action: ShortcutAction;
  /** The keys as shown to people (each a separate way to press it). */
  keys: (labels: readonly LabelDef[]) => string[];
  description: string;
  matches: (event: KeyboardEvent, labels: readonly LabelDef[]) => boolean;
}

const withMod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const key = (event: KeyboardEvent) => event.key.toLowerCase();
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
const labelKeys = (labels: readonly LabelDef[]) => labels.map((l) => l.key);

/** Every shortcut, in the order key presses are matched (the first match wins). */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    action: 'help',
    keys: () => ['?'],
    description: 'Show this list of keyboard shortcuts',
    matches: (e) => e.key === '?' && !withMod(e),
  },
  {
    action: 'undo',
    keys: () => ['Ctrl+Z', '⌘Z'],
    description: 'Undo the last span edit in this document',
    matches: (e) => withMod(e) && !e.shiftKey && key(e) === 'z',
  },
  {
    action: 'redo',
    keys: () => ['Shift+Ctrl+Z', 'Ctrl+Y', 'Shift+⌘Z'],
    description: 'Redo the span edit you undid',
    matches: (e) => withMod(e) && ((e.shiftKey && key(e) === 'z') || key(e) === 'y'),
  },
  {
    action: 'markDone',
    keys: () => ['Ctrl+Enter', '⌘Enter'],
    description: 'Mark the document done and open the next one',
    matches: (e) => withMod(e) && e.key === 'Enter',
  },
  {
    action: 'moveCaret',
    keys: () => ['Arrows', 'Ctrl+arrows', 'Home', 'End', 'Page Up', 'Page Down', 'Ctrl+Home', 'Ctrl+End'],
    description: 'In the text: move the caret (by word with Ctrl, a screen with Page Up/Down, to either end of the document with Ctrl+Home/End); hold Shift to select',
    matches: (e) => CARET_KEYS.has(e.key) && !e.metaKey,
  },
  {
    action: 'find',
    keys: () => ['Ctrl+F', '⌘F'],
    description: 'Find in the whole document (accents and case ignored); Enter for the next match, Escape leaves it selected to tag',
    matches: (e) => withMod(e) && !e.altKey && key(e) === 'f',
  },
  {
    action: 'tagExact',
    keys: (labels) => labelKeys(labels).map((k) => `Alt+${k}`),
    description: 'Tag the exact selected characters with that label (no snapping to words)',
    matches: (e, labels) => e.altKey && !withMod(e) && labelForKey(labels, e) !== undefined,
  },
  {
    action: 'tag',
    keys: labelKeys,
    description: 'Tag the selection with that label, or relabel the selected span; with nothing selected, start tagging with it (each drag or double-click then tags)',
    matches: (e, labels) => !e.altKey && !withMod(e) && labelForKey(labels, e) !== undefined,
  },
  {
    action: 'tagWithMode',
    keys: () => ['Enter'],
    description: 'While tagging with a label: tag the words selected with the keyboard',
    matches: (e) => e.key === 'Enter' && !withMod(e) && !e.altKey && !e.shiftKey,
  },
  {
    action: 'deleteSpan',
    keys: () => ['Delete', 'Backspace'],
    description: 'Delete the selected span',
    matches: (e) => (e.key === 'Delete' || e.key === 'Backspace') && !withMod(e),
  },
  {
    action: 'escape',
    keys: () => ['Escape'],
    description: 'Clear the selection; with nothing selected, stop tagging with a label',
    matches: (e) => e.key === 'Escape',
  },
  {
    action: 'next',
    keys: () => ['N'],
    description: 'Open the next document',
    matches: (e) => !withMod(e) && !e.altKey && key(e) === 'n',
  },
  {
    action: 'previous',
    keys: () => ['P'],
    description: 'Open the previous document',
    matches: (e) => !withMod(e) && !e.altKey && key(e) === 'p',
  },
];

/** True when `event` is the key press of `action` (for handlers outside the view's dispatch, such as find). */
export function isShortcut(action: ShortcutAction, event: KeyboardEvent): boolean {
  return SHORTCUTS.some((s) => s.action === action && s.matches(event, []));
}

/** The shortcut a key press means, if any. */
export function shortcutFor(event: KeyboardEvent, labels: readonly LabelDef[]): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.matches(event, labels));
}
