// Serves the renderer build over the privileged app:// scheme (see app-protocol.ts for the mapping).
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-origin.js';
import { appResponseHeaders, resolveAppRequest } from './app-protocol.js';

/** Registers app:// as a standard, secure scheme (a real origin for IndexedDB and 'self'). Call before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves files of `rendererRoot` on app://spanlight/ in `session`; anything else is a 404. */
export function serveApp(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: appResponseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
