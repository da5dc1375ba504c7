import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  readWindowState,
  writeWindowState,
} from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state file', () => {
  const dirs: string[] = [];
  const tempFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'window-state-'));
    dirs.push(dir);
    return join(dir, 'nested', 'window-state.json');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips what the window saved', () => {
    const file = tempFile();
    const state = { x: 40, y: 60, width: 1000, height: 700, isMaximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
  });

  it('falls back to defaults for a missing, corrupt or out-of-range file', () => {
    const file = tempFile();
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeWindowState(file, DEFAULT_WINDOW_STATE);
    writeFileSync(file, '{ not json');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, JSON.stringify({ width: 10, height: 10, isMaximized: false }));
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('refuses to write a state below the minimum size', () => {
    expect(() => writeWindowState(tempFile(), { width: 200, height: 100, isMaximized: false })).toThrow();
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is on a connected display', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, isMaximized: false };
    expect(fitToDisplays(state, [laptop, monitorOnTheRight])).toEqual(state);
  });

  it('recentres a window left on a display that is no longer connected', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, isMaximized: true };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1200, height: 800, isMaximized: true });
  });

  it('treats a window with only a sliver on screen as lost', () => {
    const state = { x: 1400, y: 100, width: 1200, height: 800, isMaximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1200, height: 800, isMaximized: false });
  });

  it('shrinks a window larger than its display and pulls it fully inside', () => {
    const state = { x: 1500, y: -50, width: 3000, height: 2000, isMaximized: false };
    expect(fitToDisplays(state, [laptop, monitorOnTheRight])).toEqual({
      x: 1440,
      y: 0,
      width: 2560,
      height: 1440,
      isMaximized: false,
    });
  });

  it('never goes below the minimum window size, even on a tiny display', () => {
    const tiny = { x: 0, y: 0, width: 800, height: 500 };
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [tiny])).toMatchObject({ width: 900, height: 600 });
  });
});
