// Pure security policy: which URLs are the app's own, which IPC senders are trusted,
// and what navigation, new windows and permissions are allowed (nothing).
import { APP_HOST, APP_SCHEME } from './app-origin.js';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is exactly on the app's origin (`app://spanlight/...`): no other scheme, host, port or credentials. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** True when an IPC message comes from a frame showing the app itself; `url` is `event.senderFrame.url`. */
export function isTrustedSender(url: string | null | undefined): boolean {
  return typeof url === 'string' && isAppUrl(url);
}

/** The app is a single page: every `will-navigate` / `will-frame-navigate` is denied, even to app URLs. */
export function isNavigationAllowed(_url: string): boolean {
  return false;
}

/** No new windows, ever (`setWindowOpenHandler`). */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/** Every permission request and check (camera, notifications, clipboard, ...) is denied. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
