import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/security/content-security-policy';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)] as const));

describe('the app content security policy', () => {
  it('allows only the app itself to run scripts, load styles and connect in production', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toContain('unsafe');
  });

  it('adds frame-ancestors only where it is delivered as a header (browsers ignore it in <meta>)', () => {
    expect(directives(contentSecurityPolicy()).has('frame-ancestors')).toBe(false);
    expect(directives(contentSecurityPolicy({ asHeader: true })).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('widens only for the local dev server in development', () => {
    const policy = directives(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(policy.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
  });
});
