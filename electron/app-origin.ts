// The app's own origin: the renderer is served from a privileged custom scheme, never from file://.

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The fixed host of every app URL. */
export const APP_HOST = 'spanlight';
/** The app's origin, as Chromium reports it for standard schemes. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
