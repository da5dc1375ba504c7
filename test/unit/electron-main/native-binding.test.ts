import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveNativeBinding } from '../../../electron/main/native-binding';

describe('resolveNativeBinding', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('lets a packaged app use the module electron-builder rebuilt', () => {
    expect(
      resolveNativeBinding({ isPackaged: true, appRoot: '/nowhere', electronVersion: '45.5.0' }),
    ).toBeUndefined();
  });

  it('in development points at the Electron build made by ensure-electron-native', () => {
    root = mkdtempSync(join(tmpdir(), 'native-binding-'));
    const dir = join(root, '.cache', 'electron-native', '45.5.0');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), '');
    expect(resolveNativeBinding({ isPackaged: false, appRoot: root, electronVersion: '45.5.0' })).toBe(
      join(dir, 'better_sqlite3.node'),
    );
  });

  it('explains how to fix a missing development build instead of loading the Node-ABI one', () => {
    root = mkdtempSync(join(tmpdir(), 'native-binding-'));
    expect(() =>
      resolveNativeBinding({ isPackaged: false, appRoot: root!, electronVersion: '45.5.0' }),
    ).toThrow(/npm run dev/);
  });
});
