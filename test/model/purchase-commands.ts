/**
 * Model-based test of money: fast-check commands that buy, double click, drop
 * answers, fail requests, kill and restart, revoke the token, age the keys,
 * decline the card and corrupt the cache, with the money invariants checked
 * against the real sandbox and the real journal after every step.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fc from 'fast-check';
import type { SandboxHandle } from '../../sandbox/server';
import { setFaults, setSavedCard } from '../integration/purchases/support/sandbox-client';
import {
  DECLINING_CARD,
  PurchaseSystem,
  REVOKED_TOKEN,
  SUCCEEDING_CARD,
  type JournalRow,
} from './purchase-system';

export interface PurchaseModel {
  revoked: boolean;
  declining: boolean;
}

type PurchaseCommand = fc.AsyncCommand<PurchaseModel, PurchaseSystem>;

const OPEN_STATES = ['pending', 'processing', 'requires_action', 'requires_payment_method', 'needs_review'];
const UNSETTLED_STATES = ['pending', 'processing'];

/**
 * Charges are read first and the journal second: a purchase is journaled
 * before its request leaves, so every charge seen must belong to a row. Only
 * control routes are read here, which faults never touch.
 */
export async function checkInvariants(system: PurchaseSystem): Promise<void> {
  for (const clientId of system.clients) {
    const books = await system.books(clientId);
    assert.deepEqual(books.creditedTopUps, books.chargedTopUps, `${clientId}: every charge credited once`);
    assert.deepEqual(books.invoicedTopUps, books.chargedTopUps, `${clientId}: every charge invoiced once`);
    assert.deepEqual(books.emailedTopUps, books.chargedTopUps, `${clientId}: every charge emailed once`);
  }
  const charges = (await system.newCharges()).filter((charge) => charge.status === 'succeeded');
  const rows = system.journal();
  const keys = new Set(rows.map((row) => row.idempotency_key));
  for (const row of rows) {
    const paid = charges.filter((charge) => charge.idempotency_keys.includes(row.idempotency_key)).length;
    assert.ok(paid <= 1, `purchase ${row.id} was charged ${paid} times`);
    if (row.state === 'failed' || row.state === 'canceled')
      assert.equal(paid, 0, `purchase ${row.id} says ${row.state} (${row.error_code}) but was charged`);
    if (row.state === 'succeeded')
      assert.equal(paid, 1, `purchase ${row.id} says succeeded without a charge`);
  }
  for (const charge of charges)
    assert.ok(
      charge.idempotency_keys.some((key) => keys.has(key)),
      `charge ${charge.id} belongs to no purchase in the journal`,
    );
  const open = rows.filter((row) => OPEN_STATES.includes(row.state));
  for (const clientId of system.clients) {
    const openForClient = open
      .filter((row) => row.client_id === clientId)
      .map((row) => `${row.id}:${row.state}`);
    assert.ok(
      openForClient.length <= 1,
      `${clientId} has ${openForClient.length} open purchases: ${openForClient}`,
    );
  }
}

/** Once the API is healthy and reconciliation ran, only purchases in review (with the reason) may stay open. */
export function checkSettled(rows: readonly JournalRow[]): void {
  for (const row of rows) {
    assert.ok(
      !UNSETTLED_STATES.includes(row.state),
      `purchase ${row.id} is still ${row.state} after reconciling`,
    );
    if (row.state === 'needs_review')
      assert.ok(row.answer_detail, `purchase ${row.id} is in review with no reason`);
  }
}

function command(
  name: string,
  act: (system: PurchaseSystem, model: PurchaseModel) => Promise<unknown>,
  when: (model: PurchaseModel) => boolean = () => true,
): PurchaseCommand {
  return {
    check: when,
    async run(model, system) {
      await act(system, model);
      await checkInvariants(system);
    },
    toString: () => name,
  };
}

/** Enough failures to outlast every retry of one charge, so its outcome stays unknown. */
const EVERY_ATTEMPT = 3;

export function purchaseCommands(clients: readonly string[]): fc.Arbitrary<PurchaseCommand>[] {
  const client = fc.constantFrom(...clients);
  const pack = fc.constantFrom('pack_1k', 'pack_5k');
  const buy = fc.tuple(client, pack).map(([c, p]) => command(`buy(${c}, ${p})`, (s) => s.buy(c, p)));
  const dropAnswers = fc.constant(
    command('dropNextChargeAnswers', (s) =>
      setFaults(s.sandbox, { drop_next: { route: 'createTopUp', count: EVERY_ATTEMPT } }),
    ),
  );
  const advanceClock = fc.constant(command('advanceClock25h', (s) => s.advanceClock(25)));
  // Listed twice: the money paths start with a purchase whose answer was lost.
  return [
    buy,
    buy,
    dropAnswers,
    dropAnswers,
    advanceClock,
    fc.tuple(client, pack).map(([c, p]) => command(`doubleClick(${c}, ${p})`, (s) => s.doubleClick(c, p))),
    fc
      .constantFrom('createTopUp', 'findTopUps')
      .map((route) =>
        command(`fail500Next(${route})`, (s) =>
          setFaults(s.sandbox, { fail_next: { route, count: EVERY_ATTEMPT } }),
        ),
      ),
    fc.constant(command('killAndRestart', (s) => s.restartWith(s.token))),
    fc.constant(
      command(
        'revokeToken',
        (s, m) => {
          m.revoked = true;
          return s.restartWith(REVOKED_TOKEN);
        },
        (m) => !m.revoked,
      ),
    ),
    fc.constant(
      command(
        'restoreToken',
        (s, m) => {
          m.revoked = false;
          return s.restartWith(s.sandbox.token);
        },
        (m) => m.revoked,
      ),
    ),
    fc.constant(command('sync', (s) => s.invoke('sync.now'))),
    client.map((c) =>
      command(`cancel(${c})`, async (s) => {
        const id = await s.activePurchaseId(c);
        if (id) await s.invoke('purchases.cancel', { purchaseId: id });
      }),
    ),
    client.map((c) =>
      command(`checkAgain(${c})`, async (s) => {
        const id = await s.activePurchaseId(c);
        if (id) await s.invoke('purchases.refresh', { purchaseId: id });
      }),
    ),
    fc.constant(
      command(
        'cardStartsDeclining',
        (s, m) => {
          m.declining = true;
          return setSavedCard(s.sandbox, DECLINING_CARD);
        },
        (m) => !m.declining,
      ),
    ),
    fc.constant(
      command(
        'cardFixed',
        (s, m) => {
          m.declining = false;
          return setSavedCard(s.sandbox, SUCCEEDING_CARD);
        },
        (m) => m.declining,
      ),
    ),
    fc.constant(command('corruptCache', (s) => s.corruptCache())),
  ];
}

export interface ModelRunOptions {
  sandbox: SandboxHandle;
  /** A data dir synced once with the sandbox, copied for each sequence. */
  templateDir: string;
  newDataDir: () => string;
  clients: readonly string[];
  maxCommands: number;
}

/** The property: any sequence of commands keeps the invariants, and a healthy reconcile settles every doubt. */
export function moneyProperty(options: ModelRunOptions) {
  return fc.asyncProperty(
    fc.commands(purchaseCommands(options.clients), { maxCommands: options.maxCommands }),
    async (commands) => {
      const dataDir = options.newDataDir();
      const system = await PurchaseSystem.start(
        options.sandbox,
        options.templateDir,
        dataDir,
        options.clients,
      );
      try {
        await fc.asyncModelRun(
          () => ({ model: { revoked: false, declining: false }, real: system }),
          commands,
        );
        const rows = await system.settle();
        await checkInvariants(system);
        checkSettled(rows);
      } finally {
        await system.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
}
