/**
 * Writes the user made that are not on disk yet, across the whole window, and the guard that keeps
 * the window from unloading while there are any. Counted from the moment an edit is made (not when
 * IndexedDB starts writing), so a reload or close right after a key press still waits for it.
 */
import { runsInElectron } from '../platform/bridge';

let pending = 0;
let closeWhenWritten = false;
let waiting: (() => void)[] = [];

/** Counts `write` as pending until it settles; returns it. */
export function trackWrite<T>(write: Promise<T>): Promise<T> {
  pending++;
  return write.then(
    (value) => {
      settled(true);
      return value;
    },
    (error: unknown) => {
      settled(false);
      throw error;
    },
  );
}

function settled(stored: boolean): void {
  pending--;
  // A write that failed keeps the window open: its error message stays in sight, and closing
  // again closes (nothing is pending any more).
  if (!stored) closeWhenWritten = false;
  if (pending > 0) return;
  const waiters = waiting;
  waiting = [];
  for (const resolve of waiters) resolve();
  // Electron cancels an unload silently (no prompt): close once the last write is stored.
  if (closeWhenWritten && runsInElectron()) window.close();
}

/** Resolves once no tracked write is pending (stored or failed), e.g. before annotations change hands. */
export function whenWritten(): Promise<void> {
  if (pending === 0) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}

/** How many tracked writes are still pending. */
export function pendingWrites(): number {
  return pending;
}

/** Installs the unload guard: a browser tab asks before leaving, Electron waits and then closes. Call once. */
export function guardUnloadWhileWriting(): void {
  window.addEventListener('beforeunload', (event) => {
    if (pending === 0) return;
    event.preventDefault();
    closeWhenWritten = true;
  });
}
