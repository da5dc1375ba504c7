/**
 * `npm run sandbox`: runs the billing sandbox in the foreground.
 * Env: SANDBOX_PORT (default 4100), BILLING_API_TOKEN (default "sandbox"), SANDBOX_DATA_DIR (optional).
 */
import { DEFAULT_SANDBOX_TOKEN, startSandbox } from './server';

const DEFAULT_PORT = 4100;

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SANDBOX_PORT must be a port number (0–65535), got "${value}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: portFromEnv(process.env.SANDBOX_PORT),
    token: process.env.BILLING_API_TOKEN || DEFAULT_SANDBOX_TOKEN,
    dataDir: process.env.SANDBOX_DATA_DIR || undefined,
  });
  console.log(`Billing API: ${sandbox.url}`);
  console.log(`Billing API token: ${sandbox.token}`);

  // `npx`/`tsx` relay a signal the whole process group also got: a second one while the store closes must not
  // kill the process mid-close (the write-ahead log would be left behind), so every later one is ignored.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Failed to stop the billing sandbox cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
