/** The sandbox's billing engine: clock, books, payments, usage and cycles over one store. */
import type { SandboxDb } from '../store/open-store';
import type { Repositories } from '../store/repositories';
import { createCheckoutService } from './checkout-service';
import { createClientBooks } from './client-books';
import { createCycleService } from './cycle-service';
import { createSandboxClock } from './sandbox-clock';
import { createSetupService } from './setup-service';
import { createTopUpService } from './top-up-service';
import { createUsageService } from './usage-service';

export function createBilling(db: SandboxDb, repos: Repositories, baseNow: () => Date) {
  const clock = createSandboxClock(db, baseNow);
  const books = createClientBooks(repos, clock);
  const topUps = createTopUpService(repos, books, clock);
  return {
    clock,
    books,
    topUps,
    checkout: createCheckoutService(repos, topUps, clock),
    setup: createSetupService(repos, clock),
    usage: createUsageService(repos, books, topUps, clock),
    cycles: createCycleService(repos, books, clock),
  };
}

export type Billing = ReturnType<typeof createBilling>;
