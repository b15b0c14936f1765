/** The "Labels in text" setting: whether label chips show in the document text, remembered on this machine. */
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'spanlight.labelsInText';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'hidden';
  } catch {
    // Storage can be unavailable (a locked-down profile): labels then show, as by default.
    return true;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Hook: whether labels show in the text, and a setter that remembers the choice. */
export function useLabelsInText(): [boolean, (shown: boolean) => void] {
  const shown = useSyncExternalStore(subscribe, read, () => true);
  const set = useCallback((next: boolean) => {
    localStorage.setItem(KEY, next ? 'shown' : 'hidden');
    for (const listener of listeners) listener();
  }, []);
  return [shown, set];
}
