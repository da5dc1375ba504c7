/**
 * What a newer version of the vendor's billing API would have recorded for a
 * client: a ledger entry of a type this app does not know (`transfer`, tokens
 * moved in from another client, kept in the top-up bucket like any credit that
 * never expires) and an invoice in a status it does not know. Written into the
 * store like any other change, so balances, paging and sync see them for real.
 */
import { LedgerEntryType, InvoiceStatus, type LedgerEntry } from '../../shared/api/billing-api';
import { refund } from '../../shared/domain/token-ledger';
import type { Repositories } from '../store/repositories';
import type { ClientBooks } from './client-books';
import { newId } from './ids';
import type { SandboxClock } from './sandbox-clock';

export const NEWER_ENTRY_TYPE = LedgerEntryType.parse('transfer');
export const NEWER_INVOICE_STATUS = InvoiceStatus.parse('partially_refunded');
export const TRANSFERRED_TOKENS = 250;

export interface NewerServerChanges {
  transfer: LedgerEntry;
  /** The client's newest invoice, now in the new status; null when it has none. */
  invoiceId: string | null;
}

export function recordNewerServerChanges(
  repos: Repositories,
  books: ClientBooks,
  clock: SandboxClock,
  clientId: string,
): NewerServerChanges {
  const client = books.requireClient(clientId);
  const credited = refund(books.state(client.id), {
    tokens: TRANSFERRED_TOKENS,
    bucket: 'top_up',
    topUpId: newId('xfer', 14),
    at: clock.now().toISOString(),
    description: 'Transfer from another client',
  });
  const entries = credited.entries.map((entry) => ({ ...entry, type: NEWER_ENTRY_TYPE }));
  books.apply(client.id, { ...credited, entries });
  const [newest] = repos.invoices.page(client.id, null, 1);
  if (newest) repos.invoices.setStatus(newest.id, NEWER_INVOICE_STATUS);
  const [transfer] = entries;
  if (!transfer) throw new Error('A credit always writes one entry');
  return { transfer, invoiceId: newest?.id ?? null };
}
