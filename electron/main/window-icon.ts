import { join } from 'node:path';

/**
 * The icon for the window frame and taskbar on Windows and Linux. macOS takes
 * the dock icon from the app bundle (icon.icns), so it gets none. Packaged
 * builds carry it in resources/ (electron-builder `extraResources`).
 */
export function windowIconPath(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  resourcesPath: string;
  appRoot: string;
}): string | undefined {
  if (options.platform === 'darwin') return undefined;
  const base = options.isPackaged ? options.resourcesPath : join(options.appRoot, 'resources');
  return join(base, 'icons', '512x512.png');
}
