/**
 * Where a finished purchase leads: router state that opens the client's Credits
 * tab with its credit entry highlighted, or its Invoices tab with its invoice
 * (an "Invoice pending" row until the sync brings the invoice itself).
 */
import { z } from 'zod';
import { Id, IsoDateTime, Money, TokenCount } from '../../../../shared/api/primitives';
import type { Purchase } from '../../../../shared/ipc/purchase-models';

const PendingInvoice = z.object({
  invoiceId: Id,
  /** When the purchase succeeded: the invoice is dated then. */
  at: IsoDateTime,
  tokens: TokenCount,
  /** What the billing service charged. */
  amount: Money,
});
export type PendingInvoice = z.infer<typeof PendingInvoice>;

interface CreditEntryState {
  topUpId: string;
}

interface InvoiceState {
  /** Highlighted once it is in the list (the same key a credit-log reference uses). */
  invoiceId: string;
  pendingInvoice: PendingInvoice;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function creditEntryState(topUpId: string): CreditEntryState {
  return { topUpId };
}

/** The top-up whose credit-log entry to highlight, from router state. */
export function highlightedTopUpId(state: unknown): string | null {
  return isRecord(state) && typeof state.topUpId === 'string' ? state.topUpId : null;
}

export function invoiceState(purchase: Purchase & { invoiceId: string }): InvoiceState {
  const { invoiceId, updatedAt, tokens, amount } = purchase;
  return { invoiceId, pendingInvoice: { invoiceId, at: updatedAt, tokens, amount } };
}

/** The invoice a purchase's success link promised, from router state. */
export function pendingInvoiceOf(state: unknown): PendingInvoice | null {
  if (!isRecord(state)) return null;
  const parsed = PendingInvoice.safeParse(state.pendingInvoice);
  return parsed.success ? parsed.data : null;
}
