/**
 * Writes the user made that are not on disk yet, across the whole window, and the guard that keeps
 * the window from unloading while there are any. Counted from the moment an edit is made (not when
 * IndexedDB starts writing), so a reload or close right after a key press still waits for it.
 */
let pending = 0;
let closeWhenWritten = false;
let waiting: (() => void)[] = [];
/** Sources of edits made but not stored (the save queue, which keeps failed ones for their retry). */
const unsavedSources = new Set<() => number>();
/** Electron only: the user tried to close while edits could not be saved, and was shown so. */
let closeRefusedWhileFailing = false;

/** Whether the renderer runs inside Electron's window (its preload defines `window.spanlight`). */
function inElectron(): boolean {
  return (window as { spanlight?: unknown }).spanlight !== undefined;
}

/** Counts edits of `source` as not stored yet (the unload guard waits for them); returns the unregister function. */
export function registerUnsaved(source: () => number): () => void {
  unsavedSources.add(source);
  return () => unsavedSources.delete(source);
}

/** Edits made but not stored yet, in every registered source. */
export function unsavedEdits(): number {
  let total = 0;
  for (const source of unsavedSources) total += source();
  return total;
}

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
  if (unsavedEdits() === 0) closeRefusedWhileFailing = false;
  const waiters = waiting;
  waiting = [];
  for (const resolve of waiters) resolve();
  // Electron cancels an unload silently (no prompt): close once the last write is stored.
  if (closeWhenWritten && inElectron() && unsavedEdits() === 0) window.close();
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

/**
 * Installs the unload guard: a browser tab asks before leaving while an edit is not stored, Electron
 * waits and then closes. When writes fail (the save indicator says so), Electron's second close
 * closes: the user was shown that those edits are not saved. Call once.
 */
export function guardUnloadWhileWriting(): void {
  window.addEventListener('beforeunload', (event) => {
    const unsaved = unsavedEdits();
    if (pending === 0 && unsaved === 0) return;
    const failing = pending === 0;
    if (failing && inElectron() && closeRefusedWhileFailing) return;
    event.preventDefault();
    closeWhenWritten = true;
    if (failing) closeRefusedWhileFailing = true;
  });
}
