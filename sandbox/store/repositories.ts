import { createAgencyRepository } from './agency-repository';
import { createCatalogRepository } from './catalog-repository';
import { createChargeRepository } from './charge-repository';
import { createClientRepository } from './client-repository';
import { createIdempotencyRepository } from './idempotency-repository';
import { createInvoiceRepository } from './invoice-repository';
import { createLedgerRepository } from './ledger-repository';
import type { SandboxDb } from './open-store';
import { createOutboxRepository } from './outbox-repository';
import { createSetupSessionRepository } from './setup-session-repository';
import { createTopUpRepository } from './top-up-repository';
import { createUsageRepository } from './usage-repository';

export function createRepositories(db: SandboxDb) {
  return {
    agency: createAgencyRepository(db),
    catalog: createCatalogRepository(db),
    clients: createClientRepository(db),
    ledger: createLedgerRepository(db),
    invoices: createInvoiceRepository(db),
    topUps: createTopUpRepository(db),
    setupSessions: createSetupSessionRepository(db),
    charges: createChargeRepository(db),
    outbox: createOutboxRepository(db),
    usage: createUsageRepository(db),
    idempotency: createIdempotencyRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
