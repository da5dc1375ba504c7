import type { Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';
import { expect, test } from './fixtures';

/** The few DOM pieces these checks touch (the Node-side tsconfig has no DOM library). */
interface ViolationEvent {
  effectiveDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  columnNumber: number;
}
interface ScriptElement {
  src: string;
  addEventListener(type: 'load', listener: () => void): void;
}
interface PageScope {
  __cspViolations?: string[];
  document: {
    head: { append(node: ScriptElement): void };
    createElement(tag: 'script'): ScriptElement;
    addEventListener(type: 'securitypolicyviolation', listener: (event: ViolationEvent) => void): void;
    removeEventListener(type: 'securitypolicyviolation', listener: (event: ViolationEvent) => void): void;
  };
}

/** Records every CSP violation from the first script on, including those the console never shows. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const scope = globalThis as unknown as PageScope;
    const log: string[] = [];
    scope.__cspViolations = log;
    scope.document.addEventListener('securitypolicyviolation', (event) => {
      log.push(
        `${event.effectiveDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
}

/** Adds a <script src> and reports whether it ran or which directive refused it. */
function appendScript(page: Page, src: string): Promise<string> {
  return page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const { document } = globalThis as unknown as PageScope;
        const script = document.createElement('script');
        const onViolation = (event: ViolationEvent) => {
          if (event.blockedURI !== url) return;
          document.removeEventListener('securitypolicyviolation', onViolation);
          resolve(`refused by ${event.effectiveDirective}`);
        };
        document.addEventListener('securitypolicyviolation', onViolation);
        script.addEventListener('load', () => resolve('loaded'));
        script.src = url;
        document.head.append(script);
      }),
    src,
  );
}

test('the page gets the run-time CSP header, no <meta> policy, and loads without a violation', async ({
  page,
  webHost,
}) => {
  await recordViolations(page);
  const consoleReports: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) consoleReports.push(message.text());
  });
  const response = await page.goto(await webHost.signInUrl());
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Needs attention' }).getByRole('link').first()).toBeVisible();

  const sandboxOrigin = new URL(webHost.billingApi.url).origin;
  expect(response?.headers()['content-security-policy']).toBe(
    contentSecurityPolicy({ asHeader: true, sandboxOrigin }),
  );
  await expect(page.locator('meta[http-equiv="Content-Security-Policy" i]')).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as unknown as PageScope).__cspViolations)).toEqual([]);
  expect(consoleReports).toEqual([]);
});

test('only the embedded sandbox may add scripts: another loopback origin is refused', async ({
  appPage: page,
  webHost,
}) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(await appendScript(page, 'http://127.0.0.1:1/x.js')).toBe('refused by script-src-elem');
  expect(await appendScript(page, `${new URL(webHost.billingApi.url).origin}/stripe/v3.js`)).toBe('loaded');
  expect(await page.evaluate(() => typeof (globalThis as unknown as { Stripe?: unknown }).Stripe)).toBe(
    'function',
  );
});

test('the page has no Node or Electron globals', async ({ appPage: page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
});

test('a sign-in URL works once: a second browser is refused, the first stays signed in', async ({
  page,
  browser,
  webHost,
}) => {
  const clientsHeading = (tab: Page) => tab.getByRole('heading', { level: 1, name: 'Dashboard' });
  const url = await webHost.signInUrl();
  await page.goto(url);
  await expect(clientsHeading(page)).toBeVisible();

  const otherBrowser = await browser.newContext();
  try {
    const other = await otherBrowser.newPage();
    const refused = await other.goto(url);
    expect(refused?.status()).toBe(401);
    await expect(other.getByRole('main')).toContainText('This sign-in link was already used');
    await expect(other.getByRole('main')).toContainText('press Enter in the terminal running npm run web');
    expect(await otherBrowser.cookies()).toEqual([]);

    await page.reload();
    await expect(clientsHeading(page)).toBeVisible();

    // What the refusal page advises: a new URL from the host signs the other browser in.
    await other.goto(await webHost.signInUrl());
    await expect(clientsHeading(other)).toBeVisible();
  } finally {
    await otherBrowser.close();
  }
});
