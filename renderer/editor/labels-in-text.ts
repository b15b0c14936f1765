/**
 * The "Labels in text" setting: whether label chips show in the document text, remembered in the
 * profile's preferences (IndexedDB). It is read with the other start-up reads (see renderer/boot),
 * so the first screen shows as set without waiting for it.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { SpanlightDb } from '../db/database';

/** Preference key of the setting. */
export const LABELS_IN_TEXT_KEY = 'labelsInText';

let shown = true;
let store: SpanlightDb | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

/** Takes the stored value (a boolean, or nothing stored yet: shown). */
export function applyStoredLabelsInText(value: unknown): void {
  const next = value !== false;
  if (next === shown) return;
  shown = next;
  notify();
}

/** Reads the setting from the profile, where changes are stored from now on. */
export async function loadLabelsInText(db: SpanlightDb): Promise<void> {
  store = db;
  applyStoredLabelsInText((await db.prefs.get(LABELS_IN_TEXT_KEY))?.value);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Hook: whether labels show in the text, and a setter that stores the choice in the profile (`onError` hears a failed write). */
export function useLabelsInText(onError: (message: string) => void): [boolean, (shown: boolean) => void] {
  const value = useSyncExternalStore(subscribe, () => shown);
  const set = useCallback(
    (next: boolean) => {
      shown = next;
      notify();
      store?.prefs.put({ key: LABELS_IN_TEXT_KEY, value: next }).catch((error: unknown) => onError(`Could not remember the label setting: ${String(error)}`));
    },
    [onError],
  );
  return [value, set];
}
