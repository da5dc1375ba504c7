import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which better-sqlite3 native module the core should load. node_modules holds
 * the Node-ABI build the tests use; in development Electron needs the separate
 * Electron-ABI build that scripts/ensure-electron-native.mjs puts in .cache.
 * Packaged apps return undefined: electron-builder already rebuilt the module
 * inside the app for Electron.
 */
export function resolveNativeBinding(options: {
  isPackaged: boolean;
  appRoot: string;
  electronVersion: string;
}): string | undefined {
  if (options.isPackaged) return undefined;
  const binding = join(
    options.appRoot,
    '.cache',
    'electron-native',
    options.electronVersion,
    'better_sqlite3.node',
  );
  if (!existsSync(binding)) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${binding}). ` +
        'Start the app with `npm run dev` or `npm start`, which build it first.',
    );
  }
  return binding;
}
