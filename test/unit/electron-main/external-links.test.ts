import { describe, expect, it } from 'vitest';
import { createExternalLinkRule } from '../../../electron/main/external-links';
import { serverLinkOrigins } from '../../../shared/security/server-links';

describe('external links (what may open in the system browser)', () => {
  const remote = createExternalLinkRule({
    linkOrigins: () => serverLinkOrigins('https://billing.example.com/api', 'https://invoice.stripe.com'),
  });
  const demo = createExternalLinkRule({
    linkOrigins: () => serverLinkOrigins('http://127.0.0.1:49152', null),
  });
  const signedOut = createExternalLinkRule({ linkOrigins: () => [] });

  it("opens the billing API's own pages and the invoice origin it declares", () => {
    expect(remote('https://billing.example.com/invoices/42?x=1')).toBe(
      'https://billing.example.com/invoices/42?x=1',
    );
    expect(remote('https://invoice.stripe.com/i/acct_1/abc')).toBe('https://invoice.stripe.com/i/acct_1/abc');
    expect(demo('http://127.0.0.1:49152/hosted/invoices/in_1')).toBe(
      'http://127.0.0.1:49152/hosted/invoices/in_1',
    );
  });

  it.each([
    'https://example.com/',
    'https://billing.example.com.evil.test/',
    'https://billing.example.com:8443/',
    'http://billing.example.com/invoices/42',
    'https://user:secret@billing.example.com/',
    'file:///etc/passwd',
    'smb://host/share',
    'app://renderer/index.html',
    'javascript:alert(1)',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(remote(url)).toBeNull();
  });

  it.each(['http://localhost:49152/hosted/invoices/in_1', 'http://127.0.0.1:49153/', 'https://example.com/'])(
    'in demo mode refuses %s',
    (url) => {
      expect(demo(url)).toBeNull();
    },
  );

  it('opens nothing while signed out', () => {
    expect(signedOut('https://billing.example.com/invoices/42')).toBeNull();
  });

  it('never counts a declared origin that would carry links in clear text over a network', () => {
    expect(serverLinkOrigins('https://billing.example.com', 'http://invoices.example.com')).toEqual([
      'https://billing.example.com',
    ]);
  });
});
