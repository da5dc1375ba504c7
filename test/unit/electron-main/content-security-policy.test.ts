import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, httpOrigin } from '../../../shared/security/content-security-policy';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)] as const));

const STRIPE_JS = ['https://js.stripe.com', 'https://*.js.stripe.com'];
const CHECKOUT = 'https://checkout.stripe.com';

describe('the app content security policy', () => {
  it('in production allows the app itself plus exactly the Stripe.js and Embedded Checkout sources', () => {
    const policy = directives(contentSecurityPolicy({ asHeader: true }));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", ...STRIPE_JS, CHECKOUT]);
    expect(policy.get('frame-src')).toEqual([...STRIPE_JS, 'https://hooks.stripe.com', CHECKOUT]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://api.stripe.com', CHECKOUT]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https://*.stripe.com']);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('in production names no loopback origin, no plain http source and nothing unsafe', () => {
    const policy = contentSecurityPolicy({ asHeader: true });
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toContain('127.0.0.1');
    expect(policy).not.toContain('localhost');
    expect(policy).not.toMatch(/(^|\s)http:/);
  });

  it('adds the sandbox origin to scripts and frames only when it is given', () => {
    const sandbox = 'http://127.0.0.1:49152';
    const policy = directives(contentSecurityPolicy({ asHeader: true, sandboxOrigin: sandbox }));
    expect(policy.get('script-src')).toEqual(["'self'", ...STRIPE_JS, CHECKOUT, sandbox]);
    expect(policy.get('frame-src')).toEqual([...STRIPE_JS, 'https://hooks.stripe.com', CHECKOUT, sandbox]);
    expect(policy.get('connect-src')).not.toContain(sandbox);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy({ asHeader: true, sandboxOrigin: sandbox })).not.toContain('unsafe');
  });

  it('reduces a sandbox URL to its origin and refuses anything that could inject directives', () => {
    const policy = directives(contentSecurityPolicy({ sandboxOrigin: 'http://127.0.0.1:5000/v1/me?x=1' }));
    expect(policy.get('script-src')).toContain('http://127.0.0.1:5000');
    expect(() => contentSecurityPolicy({ sandboxOrigin: "http://a; script-src 'unsafe-inline'" })).toThrow();
    expect(() => contentSecurityPolicy({ sandboxOrigin: 'javascript:alert(1)' })).toThrow(RangeError);
    expect(httpOrigin('https://billing.example.com:8443/v1')).toBe('https://billing.example.com:8443');
  });

  it('adds frame-ancestors only where it is delivered as a header (browsers ignore it in <meta>)', () => {
    expect(directives(contentSecurityPolicy()).has('frame-ancestors')).toBe(false);
    expect(directives(contentSecurityPolicy({ asHeader: true })).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('widens only for the local dev server in development', () => {
    const policy = directives(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(policy.get('script-src')).toEqual([
      "'self'",
      ...STRIPE_JS,
      CHECKOUT,
      'http://localhost:5173',
      "'unsafe-inline'",
    ]);
    expect(policy.get('connect-src')).toEqual([
      "'self'",
      'https://api.stripe.com',
      CHECKOUT,
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
  });
});
