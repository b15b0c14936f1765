// Wires the pure policies of security.ts into Electron: sessions and every web contents.
import { app, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { isNavigationAllowed, isPermissionAllowed, windowOpenDecision } from './security.js';

/** Denies permissions and adds the CSP header to every response of `session`. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools://')) return callback({});
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** For every web contents ever created: no navigation, no new windows, no webviews. Call before any window exists. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url)) {
        event.preventDefault();
        console.warn(`spanlight: blocked navigation to ${url}`);
      }
    });
    contents.on('will-frame-navigate', (details) => {
      if (!isNavigationAllowed(details.url)) details.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      console.warn(`spanlight: blocked new window for ${url}`);
      return windowOpenDecision(url);
    });
  });
}
