import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { windowIconPath } from '../../../electron/main/window-icon';
import { loadBuilderConfig, projectRoot } from './builder-config';

describe('window icon', () => {
  it('points a packaged app at the icon electron-builder copies into resources/', () => {
    const extra = loadBuilderConfig().extraResources as Array<{ from: string; to: string }>;
    const resourcesPath = join('/opt', 'Agency Billing Companion', 'resources');
    const packaged = windowIconPath({
      platform: 'win32',
      isPackaged: true,
      resourcesPath,
      appRoot: '/unused',
    });
    expect(extra.map((entry) => join(resourcesPath, entry.to))).toContain(packaged);
  });

  it('uses the icon from the source tree when running from source', () => {
    const icon = windowIconPath({
      platform: 'linux',
      isPackaged: false,
      resourcesPath: '/unused',
      appRoot: projectRoot,
    });
    expect(icon && existsSync(icon)).toBe(true);
  });

  it('leaves macOS to the bundle icon', () => {
    expect(
      windowIconPath({ platform: 'darwin', isPackaged: true, resourcesPath: '/r', appRoot: '/a' }),
    ).toBeUndefined();
  });
});
