/**
 * The agency's card, as the core tells it: a decline anywhere is on the account with how many clients' Auto
 * Reload it stops; "Update card" opens setup-mode Checkout; the account re-read on request shows the new card.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Account } from '../../../shared/ipc/models';
import type { CheckoutStart } from '../../../shared/ipc/purchase-models';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { silentLogger } from './support/core-harness';
import { call, waitForSync } from './support/runtime-helpers';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

const running: AppRuntime[] = [];

afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.stop();
  cleanupTempDirs();
});

async function post(runtime: AppRuntime, route: string, body: unknown, headers: Record<string, string> = {}) {
  const sandbox = runtime.sandbox;
  if (!sandbox) throw new Error('no embedded sandbox');
  const response = await fetch(`${sandbox.url}${route}`, {
    method: route.startsWith('/sandbox/card') ? 'PUT' : 'POST',
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

it('tells a declined agency card with what it stops, and takes a new one through setup-mode Checkout', async () => {
  const dataDir = makeTempDir();
  const runtime = await startAppRuntime({
    env: { APP_DATA_DIR: dataDir, SANDBOX_PORT: '0' },
    defaultDataDir: path.join(dataDir, 'unused'),
    version: '1.0.0',
    secretStore: new MemorySecretStore(),
    logger: silentLogger,
  });
  running.push(runtime);
  await waitForSync(runtime);
  const before = await call<Account>(runtime, 'account.get');
  expect(before).toMatchObject({ cardDeclined: null });

  await post(runtime, '/sandbox/card', { number: '4000000000000002' });
  const [clientId] = (await call<{ items: { id: string }[] }>(runtime, 'clients.list')).items.map(
    (c) => c.id,
  );
  await post(
    runtime,
    `/v1/clients/${clientId ?? ''}/top-ups`,
    { pack_id: 'pack_1k' },
    { 'Idempotency-Key': 'k1' },
  );
  const declined = await call<Account>(runtime, 'account.get', { refresh: true });
  expect(declined.cardDeclined?.message).toBe('Your card was declined.');
  expect(declined.card).toMatchObject({ last4: '0002' });
  expect(declined.autoReloadClients).toBeGreaterThan(0);

  const { clientSecret } = await call<CheckoutStart>(runtime, 'account.updateCard');
  const card = { number: '5555555555554444', exp_month: 12, exp_year: 2034, cvc: '123' };
  expect(
    await post(runtime, '/stripe/v1/checkout_sessions/confirm', { client_secret: clientSecret, card }),
  ).toEqual({
    status: 'complete',
  });
  const replaced = await call<Account>(runtime, 'account.get', { refresh: true });
  expect(replaced).toMatchObject({ cardDeclined: null, card: { brand: 'Mastercard', last4: '4444' } });
});
