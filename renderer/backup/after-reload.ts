/** A message to show once the window has reloaded (after a restore or an undone import, which reload it). */
const KEY = 'spanlight:after-reload';

/** Reloads the window, then shows `message`. */
export function reloadWithMessage(message: string): void {
  sessionStorage.setItem(KEY, message);
  window.location.reload();
}

/** The message left by `reloadWithMessage`, once. */
export function takeReloadMessage(): string | null {
  const message = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return message;
}
