import { writeMeta, type SandboxDb } from '../store/open-store';
import type { Repositories } from '../store/repositories';
import { SCHEMA_VERSION } from '../store/schema';
import { PACKS, PLANS, SANDBOX_ME } from './catalog';
import { historySpan, simulateClientHistory, type ClientHistory } from './client-history';
import { planClientSetups, type ClientSetup } from './client-setups';
import { createPrng, mixSeed } from './prng';
import { planUsageShape } from './usage-shape';

export const DEFAULT_SEED = 20_260_101;
/** Tells a client's usage-shape stream apart from its history stream, which is seeded with the same parts. */
const SHAPE_STREAM = 0x5a9e;

export interface SeedOptions {
  seed: number;
  now: Date;
}

export interface SeededClient {
  setup: ClientSetup;
  history: ClientHistory;
}

/** What the seed writes, client by client, without a store (tests and the backtest read it directly). */
export function seedClients(options: SeedOptions): SeededClient[] {
  return planClientSetups(createPrng(mixSeed(options.seed))).map((setup) => {
    const shapeRng = createPrng(mixSeed(options.seed, setup.index + 1, SHAPE_STREAM));
    const history = simulateClientHistory(
      setup,
      planUsageShape(setup, shapeRng, historySpan(setup, options.now).days),
      options.now,
      createPrng(mixSeed(options.seed, setup.index + 1)),
    );
    return { setup, history };
  });
}

/** Fills an empty store in one transaction; the same seed and `now` always give the same data. */
export function seedStore(db: SandboxDb, repositories: Repositories, options: SeedOptions): void {
  db.transaction(() => {
    repositories.agency.insert(SANDBOX_ME);
    repositories.catalog.insertPlans(PLANS);
    repositories.catalog.insertPacks(PACKS);
    for (const { setup, history } of seedClients(options)) {
      repositories.clients.insert(history.record);
      repositories.ledger.insertMany(history.entries);
      for (const invoice of history.invoices) repositories.invoices.insert(invoice);
      repositories.invoices.startSequence(setup.id, setup.invoicePrefix, history.invoices.length);
    }
    writeMeta(db, 'schema_version', String(SCHEMA_VERSION));
    writeMeta(db, 'seed', String(options.seed));
    writeMeta(db, 'seeded_at', options.now.toISOString());
  })();
}
