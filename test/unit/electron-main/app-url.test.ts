import { describe, expect, it } from 'vitest';
import { APP_ENTRY, createAppUrl } from '../../../electron/main/app-url';

describe('app page rule (who may call IPC and where windows may navigate)', () => {
  it('loads the packaged renderer from app://renderer/index.html', () => {
    const appUrl = createAppUrl();
    expect(appUrl.entry).toBe('app://renderer/index.html');
    expect(APP_ENTRY).toBe(appUrl.entry);
    expect(appUrl.devOrigin).toBeNull();
  });

  it('accepts the packaged page with any hash route and nothing else', () => {
    const appUrl = createAppUrl();
    expect(appUrl.isAppPage('app://renderer/index.html')).toBe(true);
    expect(appUrl.isAppPage('app://renderer/index.html#/clients/c_1/credits')).toBe(true);
    expect(appUrl.isAppPage('app://renderer/evil.html')).toBe(false);
    expect(appUrl.isAppPage('app://renderer/assets/index.js')).toBe(false);
    expect(appUrl.isAppPage('app://renderer/index.html?injected=1')).toBe(false);
    expect(appUrl.isAppPage('app://other/index.html')).toBe(false);
    expect(appUrl.isAppPage('app://user:pw@renderer/index.html')).toBe(false);
    expect(appUrl.isAppPage('file:///opt/app/out/renderer/index.html')).toBe(false);
    expect(appUrl.isAppPage('http://127.0.0.1:5000/index.html')).toBe(false);
    expect(appUrl.isAppPage('https://example.com/')).toBe(false);
    expect(appUrl.isAppPage('not a url')).toBe(false);
  });

  it('in development accepts exactly the dev server origin', () => {
    const appUrl = createAppUrl({ devServerUrl: 'http://localhost:5173/' });
    expect(appUrl.entry).toBe('http://localhost:5173/');
    expect(appUrl.devOrigin).toBe('http://localhost:5173');
    expect(appUrl.isAppPage('http://localhost:5173/#/clients')).toBe(true);
    expect(appUrl.isAppPage('http://localhost:5174/')).toBe(false);
    expect(appUrl.isAppPage('http://localhost.evil.com:5173/')).toBe(false);
    expect(appUrl.isAppPage('app://renderer/index.html')).toBe(false);
  });

  it('refuses a dev server URL that is not on this machine', () => {
    expect(() => createAppUrl({ devServerUrl: 'http://example.com:5173/' })).toThrow(/not on this machine/);
    expect(() => createAppUrl({ devServerUrl: 'https://localhost:5173/' })).toThrow();
  });
});
