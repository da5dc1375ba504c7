import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, ClientList } from '../../../shared/api/billing-api';
import { replayEntries } from '../../../shared/domain/token-replay';
import { ClockResponse, UsageResponse } from '../../../sandbox/http/control-schemas';
import type { SandboxHandle } from '../../../sandbox/server';
import { expectBooksBalanced, fullLedger, getClient, postJson, setSavedCard, topUp } from './billing-fixture';
import { call, getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let clients: Client[];
let next = 0;
const freshClient = (): Client => {
  const client = clients[next];
  next += 1;
  if (!client) throw new Error('Ran out of seeded clients');
  return client;
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  clients = (await getParsed(sandbox, '/v1/clients?limit=100', ClientList)).data;
});
afterEach(() => setSavedCard(sandbox, '4242424242424242'));
afterAll(() => sandbox.close());

async function submitUsage(clientId: string, tokens: number) {
  const response = await postJson(sandbox, '/sandbox/usage', {
    client_id: clientId,
    tokens,
    description: 'Blog drafts',
  });
  return UsageResponse.parse(response.body);
}

async function setAutoReload(clientId: string, body: Record<string, unknown>): Promise<Client> {
  const response = await call(sandbox, 'PUT', `/v1/clients/${clientId}/auto-reload`, { body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return Client.parse(response.body);
}

describe('usage submissions', () => {
  it('writes a usage entry when the balance covers it, plan bucket first', async () => {
    const client = freshClient();
    await topUp(sandbox, client.id, 'pack_1k');
    const result = await submitUsage(client.id, 1);
    expect(result.submission.status).toBe('accepted');
    const bucket = client.balance.plan > 0 ? 'plan' : 'top_up';
    expect(result.ledger_entries).toMatchObject([{ type: 'usage', amount: -1, bucket }]);
    expect(result.client.insufficient_tokens).toBeNull();
  });

  it('blocks a submission larger than the balance whole and shows it until it is resubmitted', async () => {
    const client = freshClient();
    await setAutoReload(client.id, { enabled: false, threshold: 0, pack_id: null });
    const tokens = client.balance.total + 500;
    const result = await submitUsage(client.id, tokens);
    expect(result.submission).toMatchObject({ status: 'blocked', shortfall: 500 });
    // Nothing is debited; the log records what was refused, at no cost.
    expect(result.ledger_entries).toMatchObject([
      {
        type: 'blocked',
        amount: 0,
        balance_after: client.balance.total,
        submission_id: result.submission.id,
      },
    ]);
    expect(result.client.balance).toEqual(client.balance);
    expect(result.client.insufficient_tokens).toMatchObject({
      submission_id: result.submission.id,
      tokens_requested: tokens,
      shortfall: 500,
      description: 'Blog drafts',
    });
    // Covering the shortfall runs nothing; a smaller usage going through is not the blocked work either.
    await topUp(sandbox, client.id, 'pack_1k');
    expect((await getClient(sandbox, client.id)).insufficient_tokens?.submission_id).toBe(
      result.submission.id,
    );
    expect((await submitUsage(client.id, 10)).client.insufficient_tokens?.submission_id).toBe(
      result.submission.id,
    );
    // The resubmission (at least as large) is what clears it.
    expect((await submitUsage(client.id, tokens)).client.insufficient_tokens).toBeNull();
  });

  it('buys the auto reload pack before a usage that would not fit, then writes the usage', async () => {
    const client = freshClient();
    await setAutoReload(client.id, { enabled: true, threshold: 0, pack_id: 'pack_10k', monthly_limit: 1 });
    const tokens = client.balance.total + 1_000;
    const result = await submitUsage(client.id, tokens);
    expect(result.submission.status).toBe('accepted');
    expect(result.auto_reloads).toMatchObject([{ status: 'succeeded', tokens: 10_000, pack_id: 'pack_10k' }]);
    const ledger = await fullLedger(sandbox, client.id);
    const reloadAt = ledger.findIndex((entry) => entry.top_up_id === result.auto_reloads[0]?.id);
    expect(ledger[reloadAt]).toMatchObject({ type: 'auto_reload', amount: 10_000 });
    expect(ledger.slice(reloadAt + 1).every((entry) => entry.type === 'usage')).toBe(true);
    expect(result.client.balance.total).toBe(client.balance.total + 10_000 - tokens);

    const capped = await submitUsage(client.id, result.client.balance.total + 1);
    expect(capped.auto_reloads).toEqual([]);
    expect(capped.submission.status).toBe('blocked');
  });

  it('blocks the usage when the auto reload charge is declined, recording the failed top-up', async () => {
    const client = freshClient();
    await setAutoReload(client.id, { enabled: true, threshold: 0, pack_id: 'pack_5k', monthly_limit: null });
    await setSavedCard(sandbox, '4000000000000002');
    const result = await submitUsage(client.id, client.balance.total + 1);
    expect(result.auto_reloads).toMatchObject([
      { status: 'requires_payment_method', last_payment_error: { decline_code: 'generic_decline' } },
    ]);
    expect(result.submission.status).toBe('blocked');
  });

  it('rejects an invalid submission with a typed error', async () => {
    const bad = await call(sandbox, 'POST', '/sandbox/usage', { body: { client_id: 'cl_x', tokens: 0 } });
    expect(bad.status).toBe(400);
    const unknown = await call(sandbox, 'POST', '/sandbox/usage', {
      body: { client_id: 'cl_missing', tokens: 5, description: 'x' },
    });
    expect(unknown.status).toBe(404);
  });
});

describe('the test clock and cycle resets', () => {
  it('expires plan tokens at each renewal while top-up tokens roll over through every reset', async () => {
    const client = freshClient();
    await setAutoReload(client.id, { enabled: false, threshold: 0, pack_id: null });
    const bought = await topUp(sandbox, client.id, 'pack_25k');
    const topUpBefore = bought.balance.top_up;
    let renewal = client.renewal_date;
    for (let cycle = 0; cycle < 3; cycle += 1) {
      const advanced = ClockResponse.parse(
        (await postJson(sandbox, '/sandbox/clock/advance', { to: 'next_renewal', client_id: client.id }))
          .body,
      );
      expect(advanced.now).toBe(`${renewal}T00:00:00.000Z`);
      expect(advanced.resets).toContainEqual({ client_id: client.id, at: advanced.now });
      const after = await getClient(sandbox, client.id);
      expect(after.cycle_start).toBe(renewal);
      expect(after.balance.plan).toBe(client.plan.tokens_per_cycle);
      expect(after.balance.top_up).toBe(topUpBefore);
      renewal = after.renewal_date;
    }
    const ledger = await fullLedger(sandbox, client.id);
    const state = replayEntries(client.id, ledger);
    expect(state.topUps.find((bucket) => bucket.id === bought.top_up.id)?.remaining).toBe(25_000);
    const later = ledger.filter((entry) => entry.at > bought.top_up.created_at);
    expect(later.every((entry) => entry.type === 'plan_expiry' || entry.type === 'plan_allocation')).toBe(
      true,
    );
    expect(later.filter((entry) => entry.type === 'plan_allocation')).toHaveLength(3);
  });

  it('runs every renewal in between, in time order, when advanced to a time', async () => {
    const now = ClockResponse.parse((await call(sandbox, 'GET', '/sandbox/clock')).body).now;
    const to = new Date(Date.parse(now) + 62 * 86_400_000).toISOString();
    const advanced = ClockResponse.parse((await postJson(sandbox, '/sandbox/clock/advance', { to })).body);
    // Every renewal is at most a month away, so 62 days hold at least two per client.
    expect(advanced.resets.length).toBeGreaterThanOrEqual(clients.length * 2);
    const times = advanced.resets.map((reset) => reset.at);
    expect(times).toEqual([...times].sort());
    for (const client of (await getParsed(sandbox, '/v1/clients?limit=100', ClientList)).data) {
      expect(`${client.renewal_date}T00:00:00.000Z` > to).toBe(true);
      replayEntries(client.id, await fullLedger(sandbox, client.id));
    }
    const back = await call(sandbox, 'POST', '/sandbox/clock/advance', { body: { to: now } });
    expect(back.status).toBe(400);
    expect(back.body).toMatchObject({ error: { code: 'clock_backwards' } });
    await expectBooksBalanced(sandbox);
  });
});
