import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../electron/app-origin.js';
import { isTrustedEvent } from '../../../electron/ipc-register.js';
import {
  isAppUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedSender,
  windowOpenDecision,
} from '../../../electron/security.js';

const untrusted = [
  'https://evil.example/',
  'https://evil.example/app://spanlight/index.html',
  'http://127.0.0.1:5173/',
  'file:///home/user/dist/index.html',
  'file:///etc/passwd',
  'devtools://devtools/bundled/devtools_app.html',
  'app://evil/index.html',
  'app://spanlight.evil.example/index.html',
  'app://spanlight:8080/index.html',
  'app://user:pass@spanlight/index.html',
  'spanlight://spanlight/index.html',
  'javascript:alert(1)',
  'about:blank',
  'data:text/html,<script>1</script>',
  'not a url',
  '',
];

describe('sender policy', () => {
  it('trusts the app origin', () => {
    expect(APP_ORIGIN).toBe('app://spanlight');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('app://spanlight/')).toBe(true);
    expect(isTrustedSender('app://spanlight/index.html#/documents/42')).toBe(true);
  });

  it.each(untrusted)('does not trust %s', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('does not trust a missing frame URL', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('checks the frame of an IPC event: app top frame only', () => {
    const top = { url: APP_ENTRY_URL, parent: null };
    expect(isTrustedEvent({ senderFrame: top } as never)).toBe(true);
    expect(isTrustedEvent({ senderFrame: null } as never)).toBe(false);
    expect(isTrustedEvent({ senderFrame: { url: 'https://evil.example/', parent: null } } as never)).toBe(false);
    expect(isTrustedEvent({ senderFrame: { url: APP_ENTRY_URL, parent: top } } as never)).toBe(false);
  });
});

describe('navigation, windows and permissions', () => {
  it.each([APP_ENTRY_URL, 'https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'denies navigating to and opening %s',
    (url) => {
      expect(isNavigationAllowed(url)).toBe(false);
      expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
    },
  );

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal'])(
    'denies the %s permission',
    (permission) => {
      expect(isPermissionAllowed(permission)).toBe(false);
    },
  );
});
