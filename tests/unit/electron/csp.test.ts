import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_META } from '../../../electron/csp.js';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('content security policy', () => {
  it.each([
    ['header', CONTENT_SECURITY_POLICY],
    ['meta', CSP_META],
  ])('the %s policy is strict', (_kind, policy) => {
    const parsed = directives(policy);
    expect(parsed.get('default-src')).toBe("'self'");
    expect(parsed.get('script-src')).toBe("'self'");
    expect(parsed.get('object-src')).toBe("'none'");
    expect(parsed.get('base-uri')).toBe("'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(parsed.get('script-src')).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/\*|https?:/);
  });

  it('keeps frame-ancestors out of the meta tag, where browsers ignore it', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toBe("'none'");
    expect(CSP_META).not.toContain('frame-ancestors');
    expect(CONTENT_SECURITY_POLICY.startsWith(CSP_META)).toBe(true);
  });
});
