import { createAgencyRepository } from './agency-repository';
import { createCatalogRepository } from './catalog-repository';
import { createClientRepository } from './client-repository';
import { createInvoiceRepository } from './invoice-repository';
import { createLedgerRepository } from './ledger-repository';
import type { SandboxDb } from './open-store';

export function createRepositories(db: SandboxDb) {
  return {
    agency: createAgencyRepository(db),
    catalog: createCatalogRepository(db),
    clients: createClientRepository(db),
    ledger: createLedgerRepository(db),
    invoices: createInvoiceRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
