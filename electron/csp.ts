// The Content Security Policy of the renderer, built from one directive list.
// Sent as a response header by the app:// protocol (and `npm start`'s browser mode),
// and mirrored by the <meta> tag in renderer/index.html.

const META_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

/** Directives only honoured in a header (browsers ignore them, with a warning, in a meta tag). */
const HEADER_ONLY_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [['frame-ancestors', "'none'"]];

function serialize(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** The CSP for the renderer's `<meta http-equiv="Content-Security-Policy">` tag. */
export const CSP_META = serialize(META_DIRECTIVES);

/** The CSP sent as a `Content-Security-Policy` response header (the meta policy plus header-only directives). */
export const CONTENT_SECURITY_POLICY = serialize([...META_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);
