/**
 * A purchase's invoice is not in the charge's answer: the client bought for is
 * synced before any other, so the invoice is cached within seconds instead of
 * whenever the next full sync (every minute, slowly on a slow network) reaches it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceModel } from '../../../shared/ipc/ledger-models';
import type { SyncStatus } from '../../../shared/ipc/models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import { waitForSync } from '../core/support/runtime-helpers';
import { cleanupTempDirs } from '../core/support/temp-dirs';
import { setFaults } from './support/sandbox-client';
import { eventually, openWorld, type World } from './support/purchase-world';

/** Far below the 60 s sync interval, and below what a full sync takes at the latency set below. */
const PROMPTLY_MS = 4_000;
const SLOW_NETWORK_MS = 120;

let world: World | null = null;

afterEach(async () => {
  await world?.close();
  world = null;
  cleanupTempDirs();
});

/** The client a full sync reaches last: the one that waited longest before this change. */
function lastSyncedClient(current: World): string {
  const ids = current.withCache((repos) => repos.clients.ids());
  const last = ids.at(-1);
  if (!last) throw new Error('The seeded sandbox has no clients.');
  return last;
}

async function invoiceCached(current: World, purchase: Purchase): Promise<boolean> {
  const { invoices } = await current.invoke<{ invoices: InvoiceModel[] }>('invoices.list', {
    clientId: purchase.clientId,
  });
  return invoices.some((invoice) => invoice.id === purchase.invoiceId);
}

function invoicesChangedAt(current: World, clientId: string): number {
  return current.events.findIndex(({ event, payload }) => {
    if (event !== 'cache.changed') return false;
    const change = payload as { scopes: string[]; clientIds?: string[] };
    return change.scopes.includes('invoices') && (change.clientIds ?? []).includes(clientId);
  });
}

describe('after a purchase', () => {
  it('a running full sync takes the purchased client next, before the clients still ahead of it', async () => {
    world = await openWorld();
    const clientId = lastSyncedClient(world);
    await setFaults(world.sandbox, { latency_ms: SLOW_NETWORK_MS });
    world.events.length = 0;

    // Answers at once, while the run goes on.
    expect(await world.invoke<SyncStatus>('sync.now')).toMatchObject({ state: 'syncing' });
    const purchase = await world.start(clientId, 'pack_1k');
    expect(purchase.state).toBe('succeeded');
    const succeededAt = Date.now();

    await eventually(() => invoiceCached(world as World, purchase), PROMPTLY_MS);
    expect(Date.now() - succeededAt).toBeLessThan(PROMPTLY_MS);
    const cachedAt = invoicesChangedAt(world, clientId);
    expect(cachedAt).toBeGreaterThanOrEqual(0);
    const progress = world.events
      .slice(0, cachedAt)
      .flatMap(({ event, payload }) =>
        event === 'sync.status' ? ((payload as SyncStatus).progress ?? []) : [],
      )
      .at(-1);
    expect(progress, 'the full sync was syncing client histories').toBeDefined();
    const left = (progress?.total ?? 0) - (progress?.done ?? 0) - 1;
    expect(left, 'clients the full sync still had to do when the invoice arrived').toBeGreaterThan(5);

    await waitForSync(world.runtime);
    expect(await invoiceCached(world, purchase)).toBe(true);
  });

  it('an idle engine syncs just that client at once, and does not call the whole mirror fresh', async () => {
    world = await openWorld();
    const clientId = lastSyncedClient(world);
    const before = await world.invoke<SyncStatus>('sync.status');
    await setFaults(world.sandbox, { latency_ms: SLOW_NETWORK_MS });
    world.events.length = 0;

    const purchase = await world.start(clientId, 'pack_1k');
    const succeededAt = Date.now();
    await eventually(() => invoiceCached(world as World, purchase), PROMPTLY_MS);
    expect(Date.now() - succeededAt).toBeLessThan(PROMPTLY_MS);

    await eventually(async () => (await (world as World).invoke<SyncStatus>('sync.status')).state === 'idle');
    expect((await world.invoke<SyncStatus>('sync.status')).lastSyncedAt).toBe(before.lastSyncedAt);
    const progress = world.eventsOf('sync.status').flatMap((status) => status.progress ?? []);
    expect(
      progress.every((step) => step.total === 1),
      'only the purchased client was synced',
    ).toBe(true);
  });

  it('an invoice the billing service lists late arrives with a later sync, though nothing else changed', async () => {
    world = await openWorld();
    const clientId = lastSyncedClient(world);
    // Stripe finalizes invoices on its own time: the sync right after the purchase, and the full one after it
    // (which brings the client as the purchase left it), find none yet.
    await setFaults(world.sandbox, {
      answer_next: {
        route: 'listInvoices',
        client_id: clientId,
        count: 2,
        status: 200,
        body: { data: [], next_cursor: null },
        run: false,
      },
    });
    const purchase = await world.start(clientId, 'pack_1k');
    await eventually(async () => (await (world as World).invoke<SyncStatus>('sync.status')).state === 'idle');
    await world.invoke<SyncStatus>('sync.now');
    await waitForSync(world.runtime);
    expect(await invoiceCached(world, purchase), 'both looks found no invoice').toBe(false);

    // The client's balance and credit log are already up to date; only the invoice is missing.
    await world.invoke<SyncStatus>('sync.now');
    await waitForSync(world.runtime);
    expect(await invoiceCached(world, purchase)).toBe(true);
  });
});
