/**
 * What the renderer benchmark measures inside the page. Each function runs in
 * Chromium through page.evaluate, so it must not close over anything in Node
 * (except processRssMb, which asks the OS about another process).
 */
import { execFileSync } from 'node:child_process';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/** The little of the browser these functions touch, declared here so Node's typings stay DOM-free. */
interface PageElement {
  offsetHeight: number;
  scrollTop: number;
}
declare const document: { querySelector(selector: string): PageElement | null };
declare const window: { location: { hash: string }; __firstRowsAt?: number };
declare function requestAnimationFrame(callback: (now: number) => void): number;

/**
 * tsx compiles these functions with esbuild's keepNames, which wraps inner
 * functions in a `__name` helper the page does not have; this gives it one.
 */
export async function allowCompiledFunctions(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
}

const FIRST_ROW = '[role="table"] [role="row"][aria-rowindex="2"]';

/**
 * From changing the route until the frame after `selector` is in the DOM, i.e. once the browser has painted
 * it: the Credits tab's first data row, the Dashboard's first attention row.
 */
export function timeRouteToPaint(page: Page, hash: string, selector: string): Promise<number> {
  return page.evaluate(
    ({ hash, selector }) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const check = () => {
          if (document.querySelector(selector))
            requestAnimationFrame(() => resolve(performance.now() - start));
          else requestAnimationFrame(check);
        };
        window.location.hash = hash;
        requestAnimationFrame(check);
      }),
    { hash, selector },
  );
}

export function timeTabToFirstRows(page: Page, creditsHash: string): Promise<number> {
  return timeRouteToPaint(page, creditsHash, FIRST_ROW);
}

/**
 * Installed before a cold load: records when `selector` (by default the credit log's first row) was first
 * painted, relative to navigation start.
 */
export async function recordFirstRowsOnLoad(page: Page, selector = FIRST_ROW): Promise<void> {
  await page.addInitScript((selector: string) => {
    const check = () => {
      if (document.querySelector(selector)) {
        requestAnimationFrame(() => {
          window.__firstRowsAt = performance.now();
        });
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, selector);
}

export async function firstRowsOnLoad(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__firstRowsAt !== undefined, undefined, { timeout: 30_000 });
  return page.evaluate(() => window.__firstRowsAt ?? Number.NaN);
}

export interface ScrollRun {
  /** requestAnimationFrame-to-requestAnimationFrame times during the scroll. */
  frameMs: number[];
  durationMs: number;
  /** The topmost row index in view when the scroll ended. */
  reachedRow: number;
}

/** Scrolls the credit log by a fixed number of rows per frame, as a fast fling would, down to `rows`. */
export function scriptedScroll(
  page: Page,
  rows: number,
  rowsPerFrame: number,
  timeoutMs: number,
): Promise<ScrollRun> {
  return page.evaluate(
    ({ rows, rowsPerFrame, timeoutMs }) =>
      new Promise<ScrollRun>((resolve) => {
        const scroller = document.querySelector('[role="table"]');
        const row = document.querySelector('[role="table"] [role="row"][aria-rowindex="2"]');
        if (!scroller || !row) throw new Error('The credit log is not on screen.');
        const rowHeight = row.offsetHeight;
        const target = rows * rowHeight;
        const frameMs: number[] = [];
        const start = performance.now();
        let last = start;
        const frame = (now: number) => {
          frameMs.push(now - last);
          last = now;
          scroller.scrollTop = Math.min(target, scroller.scrollTop + rowsPerFrame * rowHeight);
          const done = scroller.scrollTop >= target - 1 || now - start > timeoutMs;
          if (!done) {
            requestAnimationFrame(frame);
            return;
          }
          resolve({
            frameMs: frameMs.slice(1),
            durationMs: now - start,
            reachedRow: Math.floor(scroller.scrollTop / rowHeight),
          });
        };
        requestAnimationFrame(frame);
      }),
    { rows, rowsPerFrame, timeoutMs },
  );
}

/** Used JS heap in MB, as the page has it and after a full garbage collection. */
export async function jsHeapMb(cdp: CDPSession): Promise<{ used: number; afterGc: number }> {
  const toMb = (bytes: number) => bytes / 1024 / 1024;
  const before = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await cdp.send('Runtime.getHeapUsage');
  return { used: toMb(before.usedSize), afterGc: toMb(after.usedSize) };
}

/** Resident memory of another process (ps reports it in kB on Linux and macOS alike). */
export function processRssMb(pid: number | undefined): number {
  if (pid === undefined) throw new Error('The process has no pid: it did not start.');
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  return Math.round(kb / 1024);
}
