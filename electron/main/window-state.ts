import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The main window's remembered size, position and maximized flag. Kept free of
 * Electron imports so the rules (what is valid, what counts as visible) are
 * plain functions of their inputs.
 */
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;
const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
/** How much of the window must overlap a display for it to be grabbable by its title bar. */
const MIN_VISIBLE_PX = 80;

const WindowStateSchema = z.object({
  x: z.int().optional(),
  y: z.int().optional(),
  width: z.int().min(MIN_WINDOW_SIZE.width).max(100_000),
  height: z.int().min(MIN_WINDOW_SIZE.height).max(100_000),
  isMaximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { ...DEFAULT_SIZE, isMaximized: false };

/** A missing, unreadable or malformed file simply means "use the defaults". */
export function readWindowState(file: string): WindowState {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  const valid = WindowStateSchema.parse(state);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(valid, null, 2)}\n`, 'utf8');
}

/**
 * Makes a remembered state fit the displays that exist now: a window left on a
 * monitor that has since been unplugged comes back centred on the primary one,
 * and a window larger than its display is shrunk to it.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const { x, y } = state;
  const host =
    x === undefined || y === undefined
      ? undefined
      : workAreas.find((area) => overlap(area, { x, y, width: state.width, height: state.height }));
  const target = host ?? primary;
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(state.width, target.width));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(state.height, target.height));
  if (!host || x === undefined || y === undefined) {
    return { width, height, isMaximized: state.isMaximized };
  }
  return {
    x: clamp(x, host.x, host.x + host.width - width),
    y: clamp(y, host.y, host.y + host.height - height),
    width,
    height,
    isMaximized: state.isMaximized,
  };
}

function overlap(area: Rect, window: Rect): boolean {
  const horizontal = Math.min(area.x + area.width, window.x + window.width) - Math.max(area.x, window.x);
  const vertical = Math.min(area.y + area.height, window.y + window.height) - Math.max(area.y, window.y);
  return horizontal >= MIN_VISIBLE_PX && vertical >= MIN_VISIBLE_PX;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
