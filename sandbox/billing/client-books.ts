/**
 * A client's books in the store: its token state rebuilt from the ledger, new
 * entries written with the balance they lead to, and invoices numbered per client.
 * Every balance change goes through the shared token rules.
 */
import type { Client, InvoiceLine } from '../../shared/api/billing-api';
import { balanceOf, type Applied, type TokenState } from '../../shared/domain/token-ledger';
import { replayEntries } from '../../shared/domain/token-replay';
import { notFound } from '../http/api-error';
import type { InvoiceRecord } from '../store/invoice-repository';
import type { Repositories } from '../store/repositories';
import { newId } from './ids';
import type { SandboxClock } from './sandbox-clock';

export interface NewInvoice {
  at: string;
  description: string;
  line: InvoiceLine;
  topUpId: string | null;
}

export function createClientBooks(repos: Repositories, clock: SandboxClock) {
  const touch = (clientId: string): void => {
    const client = repos.clients.get(clientId);
    if (!client) return;
    // Strictly later than the last change, so `updated_since` syncs always see this one.
    const updatedAt = Math.max(clock.now().getTime(), Date.parse(client.updated_at) + 1);
    repos.clients.setUpdatedAt(clientId, new Date(updatedAt).toISOString());
  };

  return {
    touch,

    requireClient(id: string | undefined): Client {
      const client = id === undefined ? null : repos.clients.get(id);
      if (!client) throw notFound(`No client with id "${id ?? ''}"`);
      return client;
    },

    state(clientId: string): TokenState {
      return replayEntries(clientId, repos.ledger.all(clientId));
    },

    apply(clientId: string, applied: Applied): void {
      repos.ledger.insertMany(applied.entries);
      const balance = balanceOf(applied.state);
      repos.clients.setBalance(clientId, balance.plan, balance.top_up);
      touch(clientId);
    },

    issueInvoice(client: Client, invoice: NewInvoice): InvoiceRecord {
      const record: InvoiceRecord = {
        id: newId('in', 18),
        client_id: client.id,
        number: repos.invoices.nextNumber(client.id, client.name),
        created_at: invoice.at,
        description: invoice.description,
        amount: invoice.line.amount,
        status: 'paid',
        lines: [invoice.line],
        top_up_id: invoice.topUpId,
      };
      repos.invoices.insert(record);
      return record;
    },
  };
}

export type ClientBooks = ReturnType<typeof createClientBooks>;
