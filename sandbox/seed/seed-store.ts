import { writeMeta, type SandboxDb } from '../store/open-store';
import type { Repositories } from '../store/repositories';
import { SCHEMA_VERSION } from '../store/schema';
import { PACKS, PLANS, SANDBOX_ME } from './catalog';
import { simulateClientHistory } from './client-history';
import { planClientSetups } from './client-setups';
import { createPrng, mixSeed } from './prng';

export const DEFAULT_SEED = 20_260_101;

export interface SeedOptions {
  seed: number;
  now: Date;
}

/** Fills an empty store in one transaction; the same seed and `now` always give the same data. */
export function seedStore(db: SandboxDb, repositories: Repositories, options: SeedOptions): void {
  db.transaction(() => {
    repositories.agency.insert(SANDBOX_ME);
    repositories.catalog.insertPlans(PLANS);
    repositories.catalog.insertPacks(PACKS);
    for (const setup of planClientSetups(createPrng(mixSeed(options.seed)))) {
      const history = simulateClientHistory(
        setup,
        options.now,
        createPrng(mixSeed(options.seed, setup.index + 1)),
      );
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
