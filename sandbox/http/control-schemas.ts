/**
 * Bodies and responses of the sandbox-only control routes under /sandbox/*. The
 * app's Billing API client never calls these; tests and demos do.
 */
import { z } from 'zod';
import { Card, Client, LedgerEntry } from '../../shared/api/billing-api';
import { TopUp } from '../../shared/api/payments-api';
import { CurrencyCode, Id, IsoDateTime, Money } from '../../shared/api/primitives';

export const UsageBody = z.strictObject({
  client_id: Id,
  tokens: z.int().positive().max(100_000_000),
  description: z.string().trim().min(1).max(500),
});

export const UsageResponse = z.object({
  submission: z.object({
    id: Id,
    client_id: Id,
    tokens: z.int().positive(),
    description: z.string(),
    status: z.enum(['accepted', 'blocked']),
    shortfall: z.int().nonnegative(),
    created_at: IsoDateTime,
  }),
  auto_reloads: z.array(TopUp),
  ledger_entries: z.array(LedgerEntry),
  client: Client,
});
export type UsageResponse = z.infer<typeof UsageResponse>;

export const ClockAdvanceBody = z.strictObject({
  to: z.union([z.literal('next_renewal'), z.iso.datetime({ offset: true })]),
  client_id: Id.optional(),
});

export const ClockResponse = z.object({
  now: IsoDateTime,
  resets: z.array(z.object({ client_id: Id, at: IsoDateTime })),
});

export const SavedCardBody = z.strictObject({
  /** A Stripe test card number; it decides how every later charge to the saved card turns out. */
  number: z.string().trim().min(12).max(32),
  exp_month: z.int().min(1).max(12).optional(),
  exp_year: z.int().min(2000).max(2100).optional(),
});

export const SavedCardResponse = z.object({ card: Card });

export const PackPriceBody = z.strictObject({
  /** Minor units; top-ups store positive amounts only. */
  amount: z.int().positive().max(100_000_000),
  /** Default: the pack's current currency. */
  currency: CurrencyCode.optional(),
});

export const Charge = z.object({
  id: Id,
  top_up_id: Id,
  client_id: Id,
  amount: Money,
  card: z.object({ brand: z.string(), last4: z.string() }),
  status: z.enum(['succeeded', 'failed']),
  failure_code: z.string().nullable(),
  decline_code: z.string().nullable(),
  created_at: IsoDateTime,
  /** The Idempotency-Keys of the requests that created the charged top-up, so a test can tie it to a purchase. */
  idempotency_keys: z.array(z.string()),
});
export const ChargeList = z.object({ data: z.array(Charge) });

export const Email = z.object({
  id: Id,
  top_up_id: Id,
  invoice_id: Id,
  invoice_number: z.string(),
  client_id: Id,
  to: z.email(),
  subject: z.string(),
  body: z.string(),
  pack_id: Id,
  tokens: z.int().positive(),
  amount: Money,
  created_at: IsoDateTime,
});
export const Outbox = z.object({ data: z.array(Email) });

export const ResetResponse = z.object({ reset: z.literal(true), now: IsoDateTime });

export const NewerServerBody = z.strictObject({ client_id: Id });
export const NewerServerResponse = z.object({
  /** Every client the API now answers for as a newer version would. */
  client_ids: z.array(Id),
  transfer: LedgerEntry,
  invoice_id: Id.nullable(),
});
