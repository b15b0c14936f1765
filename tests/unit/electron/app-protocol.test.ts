import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { appResponseHeaders, resolveAppRequest } from '../../../electron/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp.js';

const root = path.resolve('/opt/spanlight/dist');

describe('app:// protocol mapping', () => {
  it('maps app URLs to files inside the renderer build', () => {
    expect(resolveAppRequest('app://spanlight/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://spanlight/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://spanlight/assets/index-abc.js?v=1#x', root)).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    'app://spanlight/../secret.txt',
    'app://spanlight/%2e%2e/secret.txt',
    'app://spanlight/..%5c..%5csecret.txt',
  ])('keeps %s inside the build', (url) => {
    const file = resolveAppRequest(url, root);
    expect(file === null || file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://spanlight/assets/..%2f..%2fsecret.txt',
    'app://spanlight/%2e%2e%2fsecret.txt',
    'app://spanlight/a%00.js',
    'app://spanlight/%E0%A4%A',
    'app://other/index.html',
    'https://evil.example/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });

  it('sends the CSP, the content type and nosniff', () => {
    const headers = appResponseHeaders(path.join(root, 'assets', 'index.js'));
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Type']).toMatch(/^text\/javascript/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(appResponseHeaders('x.unknown')['Content-Type']).toBe('application/octet-stream');
  });
});
