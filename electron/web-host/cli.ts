/**
 * `npm run web`: the app in a browser tab, for machines without a display or
 * an Electron binary. Prints the sign-in URL (and the embedded sandbox's
 * address and token in demo mode), each on its own line, for people and tests to read.
 * Each sign-in URL works once; every line read on stdin prints a new one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MemorySecretStore } from '../core/secrets/secret-store';
import { startAppRuntime } from '../core/runtime/start-app-runtime';
import type { Logger } from '../core/runtime/types';
import { Downloads } from './downloads';
import { startWebHost, type WebHost } from './server';
import { defaultUserDataDir } from './user-data-dir';

const DEFAULT_PORT = 4173;
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

const Port = z.coerce.number().int().min(0).max(65_535);
const PackageJson = z.object({ version: z.string().min(1) });

function readPort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const parsed = Port.safeParse(value);
  if (!parsed.success) throw new Error(`PORT must be a port number (0 picks a free one), got "${value}".`);
  return parsed.data;
}

/**
 * A person presses Enter in the terminal, a parent process (the end-to-end
 * helpers) writes a line: only whoever holds our stdin can ask for a sign-in,
 * so no HTTP route ever hands one out. A background job of an interactive
 * shell is stopped by its shell when it reads the terminal, so the README
 * says to start one with stdin from /dev/null.
 */
function printSignInUrlOnEachLine(host: WebHost): void {
  createInterface({ input: process.stdin }).on('line', () => console.log(`App: ${host.signInUrl()}`));
  if (process.stdin.isTTY) {
    console.error('Each App: URL signs in one browser, once. Press Enter here to print a new one.');
  }
}

/** Logs go to stderr so stdout carries only the lines other tools read. */
const stderrLogger: Logger = {
  info: (message, details) => console.error(`[info] ${message}`, details ?? ''),
  warn: (message, details) => console.error(`[warn] ${message}`, details ?? ''),
  error: (message, details) => console.error(`[error] ${message}`, details ?? ''),
};

async function main(): Promise<void> {
  const rendererDir = join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}. Run "npm run build" first.`);
  }
  const port = readPort(process.env.PORT);
  const { version } = PackageJson.parse(JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')));

  const downloads = new Downloads();
  const runtime = await startAppRuntime({
    env: process.env,
    defaultDataDir: defaultUserDataDir(),
    version,
    secretStore: new MemorySecretStore(),
    logger: stderrLogger,
    files: downloads,
  });
  const host = await startWebHost({ runtime, rendererDir, port, host: '127.0.0.1', downloads });

  console.log(`App: ${host.signInUrl()}`);
  if (runtime.sandbox) {
    console.log(`Billing API: ${runtime.sandbox.url}`);
    console.log(`Billing API token: ${runtime.sandbox.token}`);
  }
  printSignInUrlOnEachLine(host);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.error(`[info] ${signal} received, shutting down`);
    // Stop taking requests before the core closes its cache underneath them.
    host
      .close()
      .then(() => runtime.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
