/**
 * The adjudication keys: one table the key handler dispatches through and the view's key list
 * shows, so the list cannot drift from what the keys do.
 */

/** What an adjudication key does. */
export type AdjudicationCommand = 'next' | 'previous' | 'nextDocument' | 'previousDocument' | 'take' | 'all' | 'drop' | 'edit' | 'acceptDocument' | 'acceptQueue' | 'undo' | 'redo' | 'goldDone';

/** One key: as shown, what it does, which presses it takes. */
export interface AdjudicationKey {
  action: AdjudicationCommand;
  keys: string;
  description: string;
  matches: (event: KeyboardEvent) => boolean;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const plain = (e: KeyboardEvent) => !mod(e) && !e.altKey;
const key = (e: KeyboardEvent) => e.key.toLowerCase();

/** Every key, first match wins. */
export const ADJUDICATION_KEYS: readonly AdjudicationKey[] = [
  { action: 'undo', keys: 'Ctrl+Z', description: 'Undo the last decision (a whole decision, in any document)', matches: (e) => mod(e) && !e.shiftKey && key(e) === 'z' },
  { action: 'redo', keys: 'Shift+Ctrl+Z, Ctrl+Y', description: 'Redo it', matches: (e) => mod(e) && ((e.shiftKey && key(e) === 'z') || key(e) === 'y') },
  { action: 'goldDone', keys: 'Ctrl+Enter', description: 'Mark this document’s gold done (exports of done documents take it)', matches: (e) => mod(e) && e.key === 'Enter' },
  { action: 'next', keys: 'J', description: 'Next disagreement, across documents (most disputed documents first)', matches: (e) => plain(e) && !e.shiftKey && key(e) === 'j' },
  { action: 'previous', keys: 'K', description: 'Previous disagreement', matches: (e) => plain(e) && !e.shiftKey && key(e) === 'k' },
  { action: 'nextDocument', keys: 'N', description: 'Next document in the queue', matches: (e) => plain(e) && key(e) === 'n' },
  { action: 'previousDocument', keys: 'P', description: 'Previous document in the queue', matches: (e) => plain(e) && key(e) === 'p' },
  { action: 'take', keys: '1–9', description: 'Take that annotator’s spans here', matches: (e) => plain(e) && /^[1-9]$/.test(e.key) },
  { action: 'all', keys: 'B', description: 'Take every span here (both)', matches: (e) => plain(e) && key(e) === 'b' },
  { action: 'drop', keys: 'X', description: 'Drop: no gold span here', matches: (e) => plain(e) && key(e) === 'x' },
  { action: 'edit', keys: 'E', description: 'Edit by hand: choose boundaries and label (a selection in the text is offered first)', matches: (e) => plain(e) && key(e) === 'e' },
  { action: 'acceptQueue', keys: 'Shift+A', description: 'Accept every span all annotators agree on, in every document of the queue', matches: (e) => plain(e) && e.shiftKey && key(e) === 'a' },
  { action: 'acceptDocument', keys: 'A', description: 'Accept every span all annotators agree on, in this document', matches: (e) => plain(e) && !e.shiftKey && key(e) === 'a' },
];

/** The key a press means, if any. */
export function adjudicationKeyFor(event: KeyboardEvent): AdjudicationKey | undefined {
  return ADJUDICATION_KEYS.find((k) => k.matches(event));
}
