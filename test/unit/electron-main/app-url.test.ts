import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAppUrl, externalHttpsUrl } from '../../../electron/main/app-url';

const indexHtml = join('/', 'opt', 'app', 'out', 'renderer', 'index.html');

describe('app page rule (who may call IPC and where windows may navigate)', () => {
  it('accepts the packaged page with any hash route and nothing else on file:', () => {
    const appUrl = createAppUrl({ rendererIndexHtml: indexHtml });
    const page = pathToFileURL(indexHtml).href;
    expect(appUrl.entry).toBe(page);
    expect(appUrl.devOrigin).toBeNull();
    expect(appUrl.isAppPage(page)).toBe(true);
    expect(appUrl.isAppPage(`${page}#/clients/c_1/credits`)).toBe(true);
    expect(
      appUrl.isAppPage(pathToFileURL(join('/', 'opt', 'app', 'out', 'renderer', 'evil.html')).href),
    ).toBe(false);
    expect(appUrl.isAppPage('file:///etc/passwd')).toBe(false);
    expect(appUrl.isAppPage('https://example.com/')).toBe(false);
    expect(appUrl.isAppPage('not a url')).toBe(false);
  });

  it('in development accepts exactly the dev server origin', () => {
    const appUrl = createAppUrl({ rendererIndexHtml: indexHtml, devServerUrl: 'http://localhost:5173/' });
    expect(appUrl.entry).toBe('http://localhost:5173/');
    expect(appUrl.devOrigin).toBe('http://localhost:5173');
    expect(appUrl.isAppPage('http://localhost:5173/#/clients')).toBe(true);
    expect(appUrl.isAppPage('http://localhost:5174/')).toBe(false);
    expect(appUrl.isAppPage('http://localhost.evil.com:5173/')).toBe(false);
    expect(appUrl.isAppPage(pathToFileURL(indexHtml).href)).toBe(false);
  });

  it('refuses a dev server URL that is not on this machine', () => {
    expect(() =>
      createAppUrl({ rendererIndexHtml: indexHtml, devServerUrl: 'http://example.com:5173/' }),
    ).toThrow(/not on this machine/);
    expect(() =>
      createAppUrl({ rendererIndexHtml: indexHtml, devServerUrl: 'https://localhost:5173/' }),
    ).toThrow();
  });
});

describe('externalHttpsUrl (what may open in the system browser)', () => {
  it('passes plain https links through', () => {
    expect(externalHttpsUrl('https://billing.example.com/invoices/42?x=1')).toBe(
      'https://billing.example.com/invoices/42?x=1',
    );
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'smb://host/share',
    'javascript:alert(1)',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(externalHttpsUrl(url)).toBeNull();
  });

  it('refuses https links carrying credentials', () => {
    expect(externalHttpsUrl('https://user:secret@example.com/')).toBeNull();
  });
});
