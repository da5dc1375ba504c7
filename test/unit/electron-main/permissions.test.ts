import { describe, expect, it } from 'vitest';
import { createAppUrl } from '../../../electron/main/app-url';
import { isPermissionGranted } from '../../../electron/main/permissions';

describe('permission requests', () => {
  const appUrl = createAppUrl();

  it("let the app's own page write text to the clipboard (Copy details)", () => {
    expect(
      isPermissionGranted('clipboard-sanitized-write', 'app://renderer/index.html#/clients/c_1', appUrl),
    ).toBe(true);
  });

  it('refuse everything else, and the clipboard to any other page', () => {
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal']) {
      expect(isPermissionGranted(permission, 'app://renderer/index.html', appUrl), permission).toBe(false);
    }
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/', appUrl)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://renderer/evil.html', appUrl)).toBe(false);
  });
});
