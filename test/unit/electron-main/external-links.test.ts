import { describe, expect, it } from 'vitest';
import { createExternalLinkRule } from '../../../electron/main/external-links';

describe('external links (what may open in the system browser)', () => {
  const withoutSandbox = createExternalLinkRule({ sandboxUrl: null });
  const demo = createExternalLinkRule({ sandboxUrl: 'http://127.0.0.1:49152' });

  it('passes plain https links through, with or without the sandbox', () => {
    for (const rule of [withoutSandbox, demo]) {
      expect(rule('https://billing.example.com/invoices/42?x=1')).toBe(
        'https://billing.example.com/invoices/42?x=1',
      );
    }
  });

  it.each([
    'http://example.com/',
    'http://127.0.0.1:49152/invoices/in_1',
    'http://localhost:49152/invoices/in_1',
    'file:///etc/passwd',
    'smb://host/share',
    'app://renderer/index.html',
    'javascript:alert(1)',
    'nonsense',
  ])('without the embedded sandbox refuses %s', (url) => {
    expect(withoutSandbox(url)).toBeNull();
  });

  it('in demo mode opens the sandbox hosted invoices on 127.0.0.1 and localhost at its port', () => {
    expect(demo('http://127.0.0.1:49152/invoices/in_1')).toBe('http://127.0.0.1:49152/invoices/in_1');
    expect(demo('http://localhost:49152/invoices/in_1')).toBe('http://localhost:49152/invoices/in_1');
  });

  it.each([
    'http://127.0.0.1:49153/invoices/in_1',
    'http://127.0.0.1/invoices/in_1',
    'http://192.168.1.10:49152/',
    'http://example.com:49152/',
    'http://127.0.0.1.example.com:49152/',
    'ftp://127.0.0.1:49152/',
    'file:///etc/passwd',
  ])('in demo mode still refuses %s', (url) => {
    expect(demo(url)).toBeNull();
  });

  it('refuses links carrying credentials', () => {
    expect(withoutSandbox('https://user:secret@example.com/')).toBeNull();
    expect(demo('http://user:secret@127.0.0.1:49152/')).toBeNull();
  });
});
