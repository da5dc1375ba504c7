/**
 * The per-day sums of the credit log that forecasts, charts and the dashboard read: they agree with the
 * billing service's own ledger after a sync, stay in step as entries arrive in pages, and an upgraded cache
 * fills them from the entries it already holds.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/api/billing-api';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import type { BillingApiClient } from '../../../electron/core/billing-api/billing-api-client';
import { CACHE_FILE_NAME } from '../../../electron/core/db/open-cache';
import type { DailyLedger } from '../../../electron/core/db/repositories/daily-ledger-repo';
import { apiClient, openHarness, type CoreHarness } from './support/core-harness';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let sandbox: SandboxHandle;
let api: BillingApiClient;
let dataDir: string;
let harness: CoreHarness;

// One sync for the whole file; the tests read it, and the last two reopen and then change the cache.
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  api = apiClient(sandbox.url, sandbox.token);
  dataDir = makeTempDir();
  // Small ledger pages, so a day's entries arrive in more than one page.
  harness = openHarness(dataDir, api, { pageSizes: { clients: 10, ledger: 25, invoices: 50 } });
  await harness.engine.syncNow();
});

afterAll(async () => {
  await harness.close();
  await sandbox.close();
  cleanupTempDirs();
});

async function sourceLedger(clientId: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await api.listLedger(clientId, { after_seq: afterSeq, limit: 500 });
    entries.push(...page.data);
    const last = page.data.at(-1);
    if (!last || page.next_cursor === null) return entries;
    afterSeq = last.seq;
  }
}

/** The same sums, worked out by hand from the billing service's ledger. */
function sumByDay(entries: readonly LedgerEntry[]): DailyLedger[] {
  const days = new Map<string, DailyLedger>();
  for (const entry of entries) {
    const day = entry.at.slice(0, 10);
    const sums = days.get(day) ?? {
      day,
      used: 0,
      planDelta: 0,
      topUpDelta: 0,
      planGranted: 0,
      planExpired: 0,
      bought: 0,
      purchases: 0,
      blocked: 0,
      endBalance: 0,
    };
    if (entry.type === 'usage') sums.used += -entry.amount;
    if (entry.bucket === 'plan') sums.planDelta += entry.amount;
    if (entry.bucket === 'top_up') sums.topUpDelta += entry.amount;
    if (entry.type === 'plan_allocation') sums.planGranted += entry.amount;
    if (entry.type === 'plan_expiry') sums.planExpired += -entry.amount;
    if (entry.type === 'top_up' || entry.type === 'auto_reload') {
      sums.bought += entry.amount;
      sums.purchases += 1;
    }
    if (entry.type === 'blocked') sums.blocked += 1;
    sums.endBalance = entry.balance_after;
    days.set(day, sums);
  }
  return [...days.values()];
}

describe('client_daily_ledger', () => {
  it('matches the billing service ledger day by day, for every client, after a sync in small pages', async () => {
    const clientIds = harness.repos.clients.ids();
    expect(clientIds.length).toBeGreaterThan(5);
    for (const clientId of clientIds) {
      const expected = sumByDay(await sourceLedger(clientId));
      expect(harness.repos.dailyLedger.days(clientId, '0000-01-01'), clientId).toEqual(expected);
    }
  });

  it("gives each day's plan and top-up balance, which add up to the balance after that day's last entry", async () => {
    for (const clientId of harness.repos.clients.ids()) {
      const days = harness.repos.dailyLedger.days(clientId, '0000-01-01');
      const balances = harness.repos.dailyLedger.balances(clientId, '0000-01-01');
      expect(balances.map((b) => b.day)).toEqual(days.map((d) => d.day));
      balances.forEach((balance, i) => {
        expect(balance.plan + balance.topUp, `${clientId} on ${balance.day}`).toBe(days[i]?.endBalance);
      });
      const client = harness.repos.clients.get(clientId);
      expect(balances.at(-1), clientId).toMatchObject({
        plan: client?.balance.plan,
        topUp: client?.balance.top_up,
      });
      const from = days.at(-3)?.day ?? '0000-01-01';
      expect(harness.repos.dailyLedger.balances(clientId, from)).toEqual(
        balances.filter((b) => b.day >= from),
      );
    }
  });

  it('marks the days a client ran out: a refused submission, or a day that ended with nothing left', async () => {
    let marked = 0;
    for (const clientId of harness.repos.clients.ids()) {
      const expected = sumByDay(await sourceLedger(clientId)).map((day) => ({
        day: day.day,
        used: day.used,
        endedEmpty: day.endBalance <= 0,
        refused: day.blocked > 0,
      }));
      marked += expected.filter((day) => day.endedEmpty || day.refused).length;
      expect(harness.repos.dailyLedger.usedSince(clientId, '0000-01-01'), clientId).toEqual(expected);
    }
    // The seeded demo has blocked clients, so the flags are exercised, not only their absence.
    expect(marked).toBeGreaterThan(0);
  });

  it('is filled from the cached entries when an older cache is upgraded', async () => {
    const clientIds = harness.repos.clients.ids();
    const before = clientIds.map((id) => harness.repos.dailyLedger.days(id, '0000-01-01'));
    await harness.close();

    // The cache as the version before the table existed left it (so without migration 011's indexes either).
    const old = new Database(path.join(dataDir, CACHE_FILE_NAME));
    old.exec(`DROP TABLE client_daily_ledger;
      DROP INDEX ledger_entries_auto_reloads;
      DROP INDEX invoices_by_created;`);
    old.pragma('user_version = 9');
    old.close();

    harness = openHarness(dataDir, api);
    expect(clientIds.map((id) => harness.repos.dailyLedger.days(id, '0000-01-01'))).toEqual(before);
  });

  it('forgets a client with its entries', async () => {
    const [clientId] = harness.repos.clients.ids();
    if (!clientId) throw new Error('no clients');
    expect(harness.repos.dailyLedger.days(clientId, '0000-01-01').length).toBeGreaterThan(0);
    harness.cache.db.transaction(() => harness.repos.ledger.removeClient(clientId))();
    expect(harness.repos.dailyLedger.days(clientId, '0000-01-01')).toEqual([]);
  });
});
