/**
 * Runs `electron/web-host/cli.ts` as its own process, exactly as `npm run web`
 * does after building, and reads the lines it prints.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignInUrlRequests } from './sign-in-urls';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const CLI = join(PROJECT_ROOT, 'electron', 'web-host', 'cli.ts');

export interface WebHostProcess {
  /**
   * A sign-in URL nobody has opened: the `App:` URL printed at start, then a
   * new one the host prints for each line on its stdin. Each works once.
   */
  signInUrl(): Promise<string>;
  origin: string;
  /** Printed only when the web host embeds the billing sandbox. */
  billingApi: { url: string; token: string } | null;
  child: ChildProcessWithoutNullStreams;
  /** Asks for a clean shutdown (SIGTERM) and waits for the process to exit. */
  stop(): Promise<void>;
  /** Pulls the plug (SIGKILL) and waits for the process to be gone. */
  kill(): Promise<void>;
}

export interface LaunchOptions {
  dataDir: string;
  /** Extra environment, e.g. BILLING_API_URL and BILLING_API_TOKEN for an external sandbox. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export function assertRendererBuilt(): void {
  if (!existsSync(join(PROJECT_ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error(
      'out/renderer/index.html is missing: run "npm run build" before the web end-to-end tests.',
    );
  }
}

function labelled(lines: string[], label: string): string | null {
  const line = lines.find((candidate) => candidate.startsWith(`${label}: `));
  return line ? line.slice(label.length + 2).trim() : null;
}

export function launchWebHost(options: LaunchOptions): Promise<WebHostProcess> {
  const embedsSandbox = options.env?.BILLING_API_URL === undefined;
  // Node runs tsx in-process so the child's pid is the web host itself, which SIGKILL must reach.
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      SANDBOX_PORT: '0',
      BILLING_API_URL: undefined,
      BILLING_API_TOKEN: undefined,
      APP_DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const waitForExit = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  return new Promise((resolveLaunch, rejectLaunch) => {
    let stdout = '';
    let stderr = '';
    const output = () => `--- web host stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
    let signInUrls: SignInUrlRequests | null = null;
    const fail = (reason: string) => {
      clearTimeout(timer);
      void waitForExit('SIGKILL');
      rejectLaunch(new Error(`${reason}\n${output()}`));
    };
    const timer = setTimeout(
      () => fail('The web host did not print its URL in time.'),
      options.timeoutMs ?? 60_000,
    );

    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`The web host exited early (code ${code}, signal ${signal}).`);
    child.once('exit', onEarlyExit);

    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const completeBefore = stdout.lastIndexOf('\n') + 1;
      stdout += chunk;
      const complete = stdout.lastIndexOf('\n') + 1;
      if (signInUrls) {
        // The URLs asked for since start-up, from the lines this chunk completed.
        for (const line of stdout.slice(completeBefore, complete).split('\n')) {
          const url = labelled([line], 'App');
          if (url) signInUrls.printed(url);
        }
        return;
      }
      const lines = stdout.slice(0, complete).split('\n');
      const appUrl = labelled(lines, 'App');
      const apiUrl = labelled(lines, 'Billing API');
      const token = labelled(lines, 'Billing API token');
      if (!appUrl || (embedsSandbox && (!apiUrl || !token))) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      const urls = new SignInUrlRequests(child, appUrl, output);
      signInUrls = urls;
      resolveLaunch({
        signInUrl: () => urls.next(),
        origin: new URL(appUrl).origin,
        billingApi: apiUrl && token ? { url: apiUrl, token } : null,
        child,
        stop: () => waitForExit('SIGTERM'),
        kill: () => waitForExit('SIGKILL'),
      });
    });
  });
}
