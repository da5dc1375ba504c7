/**
 * The dashboard over the demo workspace: a blocked client comes first with the pack that covers it, every
 * client either has a row or counts as fine, the rows keep their urgency order, and each "runs out" row
 * agrees with that client's own forecast; the charts' history agrees with the credit log.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, ClientSummary } from '../../../shared/ipc/models';
import {
  ATTENTION_REASONS,
  type ClientHistoryModel,
  type ClientInsights,
  type DashboardModel,
} from '../../../shared/ipc/insight-models';
import type { LedgerPageResult } from '../../../shared/ipc/ledger-models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { silentLogger } from './support/core-harness';
import { call, waitForSync } from './support/runtime-helpers';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let runtime: AppRuntime;
let blocked: ClientSummary;
let shortfall: number;

beforeAll(async () => {
  const dataDir = makeTempDir();
  runtime = await startAppRuntime({
    env: { APP_DATA_DIR: dataDir, SANDBOX_PORT: '0' },
    defaultDataDir: path.join(dataDir, 'unused-default'),
    version: '9.9.9-test',
    secretStore: new MemorySecretStore(),
    logger: silentLogger,
    packaged: false,
  });
  await waitForSync(runtime);
  const { items } = await call<{ items: ClientSummary[] }>(runtime, 'clients.list', {});
  const target = items.find((client) => client.balance.total > 0);
  if (!target || !runtime.sandbox) throw new Error('The demo workspace has no client with tokens.');
  blocked = target;
  shortfall = 1_234;
  const response = await fetch(`${runtime.sandbox.url}/sandbox/usage`, {
    method: 'POST',
    headers: { authorization: `Bearer ${runtime.sandbox.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: target.id,
      tokens: target.balance.total + shortfall,
      description: 'Launch reels',
    }),
  });
  expect(response.status).toBe(200);
  const before = await call<{ lastSyncedAt: string }>(runtime, 'sync.status');
  await call(runtime, 'sync.now');
  await waitForSync(runtime, (s) => s.state === 'idle' && s.lastSyncedAt !== before.lastSyncedAt);
}, 60_000);

afterAll(async () => {
  await runtime.stop();
  cleanupTempDirs();
});

describe('dashboard.get', () => {
  it('puts the blocked client first, with the smallest pack that covers what it is short', async () => {
    const board = await call<DashboardModel>(runtime, 'dashboard.get');
    const { packs } = await call<Catalog>(runtime, 'catalog.get');
    const covering = packs.toSorted((a, b) => a.tokens - b.tokens).find((pack) => pack.tokens >= shortfall);
    expect(board.attention[0]).toMatchObject({
      clientId: blocked.id,
      reason: 'blocked',
      title: 'Blocked — 1,234 tokens short',
      packId: covering?.id,
    });
    expect(board.attention[0]?.detail).toContain('“Launch reels”');
  });

  it('counts every client either in the list or as fine, and keeps the urgency order', async () => {
    const board = await call<DashboardModel>(runtime, 'dashboard.get');
    const { total } = await call<{ total: number }>(runtime, 'clients.list', {});
    const listed = new Set(board.attention.map((row) => row.clientId));
    expect(board.clientCount).toBe(total);
    expect(board.fineCount).toBe(total - listed.size);
    const order = board.attention.map((row) => ATTENTION_REASONS.indexOf(row.reason));
    expect(order).toEqual(order.toSorted((a, b) => a - b));
    const perClient = board.attention.map((row) => `${row.clientId}:${row.reason}`);
    expect(new Set(perClient).size, 'one row per client and reason').toBe(perClient.length);
  });

  it("gives each 'runs out' row the date and pack of that client's own forecast", async () => {
    const board = await call<DashboardModel>(runtime, 'dashboard.get');
    const runsOut = board.attention.filter((row) => row.reason === 'runs_out');
    for (const row of runsOut) {
      const insights = await call<ClientInsights>(runtime, 'insights.client', { clientId: row.clientId });
      const { forecast } = insights;
      expect(forecast.zeroDate.expected, row.clientName).not.toBeNull();
      expect(forecast.zeroDate.expected! < forecast.renewalDate, row.clientName).toBe(true);
      expect(row.packId).toBe(forecast.recommendedPack?.pack.id);
      expect(row.runway.length).toBeGreaterThan(0);
    }
    expect(board.month.month).toBe(board.today.slice(0, 7));
  });

  it('forecasts a client again once its balance has changed since the last view', async () => {
    const first = await call<DashboardModel>(runtime, 'dashboard.get');
    const listed = new Set(first.attention.map((row) => row.clientId));
    const { items } = await call<{ items: ClientSummary[] }>(runtime, 'clients.list', {});
    let fine: { client: ClientSummary; insights: ClientInsights } | undefined;
    for (const client of items.filter((c) => !listed.has(c.id) && c.balance.total > 1)) {
      const insights = await call<ClientInsights>(runtime, 'insights.client', { clientId: client.id });
      if (insights.forecast.dailyUsage.expected > 1 && insights.forecast.renewalDate > first.today) {
        fine = { client, insights };
        break;
      }
    }
    if (!fine || !runtime.sandbox) throw new Error('The demo workspace has no fine client that uses tokens.');
    // All but one token used: at its own rate the client now runs out long before its renewal.
    const response = await fetch(`${runtime.sandbox.url}/sandbox/usage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${runtime.sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: fine.client.id,
        tokens: fine.client.balance.total - 1,
        description: 'Reels',
      }),
    });
    expect(response.status).toBe(200);
    const before = await call<{ lastSyncedAt: string }>(runtime, 'sync.status');
    await call(runtime, 'sync.now');
    await waitForSync(runtime, (s) => s.state === 'idle' && s.lastSyncedAt !== before.lastSyncedAt);

    const second = await call<DashboardModel>(runtime, 'dashboard.get');
    const now = await call<ClientInsights>(runtime, 'insights.client', { clientId: fine.client.id });
    const row = second.attention.find((r) => r.clientId === fine.client.id && r.reason === 'runs_out');
    expect(fine.insights.forecast.lastsPastRenewal).toBe(true);
    expect(now.forecast.lastsPastRenewal).toBe(false);
    expect(row, 'a runs-out row for the client').toBeDefined();
    expect(row?.packId).toBe(now.forecast.recommendedPack?.pack.id ?? 'a recommended pack');
    // Every other client keeps the row it had.
    const others = (board: DashboardModel) =>
      board.attention.filter((r) => r.clientId !== fine.client.id).map((r) => `${r.clientId}:${r.reason}`);
    expect(others(second)).toEqual(others(first));
  }, 60_000);
});

describe('insights.client', () => {
  it("forecasts from the client's own usage and says plainly when there is no client", async () => {
    const insights = await call<ClientInsights>(runtime, 'insights.client', { clientId: blocked.id });
    expect(insights.clientId).toBe(blocked.id);
    expect(insights.forecast.renewalDate).toBe(blocked.renewalDate);
    // The projection starts from the balance the cache holds and only goes down until the renewal.
    const totals = insights.forecast.projection.map((day) => day.plan + day.topUp);
    expect(totals[0]).toBeLessThanOrEqual(blocked.balance.total);
    expect(totals).toEqual(totals.toSorted((a, b) => b - a));
    expect(insights.planAdvice.evidence.length).toBeGreaterThan(0);
    expect(await call(runtime, 'insights.client', { clientId: 'cl_nobody' })).toBeNull();
  });
});

describe('insights.history', () => {
  it('gives every day of the period with the balance it ended on, the usage, and the renewals', async () => {
    const history = await call<ClientHistoryModel>(runtime, 'insights.history', {
      clientId: blocked.id,
      days: 90,
    });
    expect(history.days).toHaveLength(90);
    expect(history.days.at(-1)?.day).toBe(history.today);
    history.days.slice(1).forEach((day, i) => {
      const before = history.days[i];
      expect(Date.parse(day.day) - Date.parse(before?.day ?? ''), day.day).toBe(86_400_000);
    });
    const last = history.days.at(-1);
    expect((last?.plan ?? 0) + (last?.topUp ?? 0)).toBe(blocked.balance.total);

    // The credit log itself says when the plan was renewed and how much was used.
    const log = await call<LedgerPageResult>(runtime, 'ledger.page', { clientId: blocked.id, limit: 500 });
    const inPeriod = log.entries.filter((entry) => entry.at.slice(0, 10) >= (history.days[0]?.day ?? ''));
    const renewals = new Set(
      inPeriod.filter((e) => e.type === 'plan_allocation').map((e) => e.at.slice(0, 10)),
    );
    expect(history.renewals).toEqual([...renewals].sort());
    const usedOn = (day: string) =>
      inPeriod
        .filter((e) => e.type === 'usage' && e.at.startsWith(day))
        .reduce((sum, e) => sum - e.amount, 0);
    for (const day of history.days.filter((d) => d.used > 0).slice(-5))
      expect(day.used, day.day).toBe(usedOn(day.day));
    expect(history.projection[0]?.date).toBe(history.today);
  });
});

describe('dashboard.get, when money is stuck', () => {
  async function sandboxControl(method: string, path: string, body: unknown): Promise<void> {
    const sandbox = runtime.sandbox;
    if (!sandbox) throw new Error('No embedded sandbox.');
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, path).toBe(200);
  }

  it('lists a purchase the billing API has not confirmed, with that purchase to check again', async () => {
    const { items } = await call<{ items: ClientSummary[] }>(runtime, 'clients.list', {});
    const client = items.find((candidate) => candidate.id !== blocked.id);
    if (!client) throw new Error('The demo workspace has one client only.');
    const { packs } = await call<Catalog>(runtime, 'catalog.get');
    const pack = packs[0];
    if (!pack) throw new Error('No packs on sale.');
    await sandboxControl('POST', '/sandbox/faults', { fail_next: { route: 'createTopUp', count: 50 } });
    try {
      const purchase = await call<Purchase>(runtime, 'purchases.start', {
        clientId: client.id,
        packId: pack.id,
        expectedPrice: pack.price,
      });
      expect(purchase.state).toBe('processing');
      const board = await call<DashboardModel>(runtime, 'dashboard.get');
      expect(board.attention.find((row) => row.reason === 'unconfirmed_purchase')).toMatchObject({
        clientId: client.id,
        purchaseId: purchase.id,
        title: 'Purchase not confirmed yet',
      });
    } finally {
      await sandboxControl('POST', '/sandbox/faults', { clear: true });
    }
  });

  it("says Auto Reload is stopped for every client it is on for once the agency's card is declined", async () => {
    await sandboxControl('PUT', '/sandbox/card', { number: '4000000000000002' });
    const { items } = await call<{ items: ClientSummary[] }>(runtime, 'clients.list', {});
    const client = items.at(-1);
    if (!client) throw new Error('No clients.');
    const { packs } = await call<Catalog>(runtime, 'catalog.get');
    const purchase = await call<Purchase>(runtime, 'purchases.start', {
      clientId: client.id,
      packId: packs[0]?.id,
      expectedPrice: packs[0]?.price,
    });
    expect(purchase.state).toBe('requires_payment_method');
    const before = await call<{ lastSyncedAt: string }>(runtime, 'sync.status');
    await call(runtime, 'sync.now');
    await waitForSync(runtime, (s) => s.state === 'idle' && s.lastSyncedAt !== before.lastSyncedAt);

    const board = await call<DashboardModel>(runtime, 'dashboard.get');
    const stopped = board.attention.filter((row) => row.reason === 'auto_reload_stopped');
    const account = await call<{ autoReloadClients: number }>(runtime, 'account.get', {});
    expect(account.autoReloadClients).toBeGreaterThan(0);
    expect(stopped).toHaveLength(account.autoReloadClients);
    expect(stopped.every((row) => row.detail === "The agency's card was declined")).toBe(true);
  });
});
