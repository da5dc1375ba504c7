/**
 * Billing API v1: the single source of truth for what the vendor's billing API
 * (and the billing sandbox that stands in for it) sends and accepts.
 * Field names follow the wire format (snake_case); the app's own model is in ../ipc.
 */
import { z } from 'zod';
import { BillingApiUrl } from '../security/billing-api-url';
import { openEnum } from './open-enum';
import { Id, IsoDate, IsoDateTime, Money, SignedTokenCount, TokenCount } from './primitives';

export const API_VERSION = 'v1';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export const Card = z.object({
  brand: z.string().min(1),
  last4: z.string().regex(/^\d{4}$/),
  exp_month: z.int().min(1).max(12),
  exp_year: z.int().min(2000).max(2100),
});
export type Card = z.infer<typeof Card>;

export const CardDeclined = z.object({ at: IsoDateTime, message: z.string() });

export const Me = z.object({
  agency: z.object({ id: Id, name: z.string().min(1) }),
  user: z.object({ id: Id, name: z.string().min(1), email: z.email() }),
  card: Card.nullable(),
  stripe_publishable_key: z.string().min(1),
  /**
   * Where hosted invoice pages live when not on the API's own origin (e.g. https://invoice.stripe.com):
   * the app follows server links only to these two. Optional so older backends still parse.
   */
  hosted_invoice_origin: BillingApiUrl.nullable().optional(),
  /**
   * The saved card's last decline (a purchase or an Auto Reload for any client), until a charge to it succeeds
   * or another card is saved: every client's charges fail on it meanwhile. Optional so older backends parse.
   */
  card_declined: CardDeclined.nullable().optional(),
});
export type Me = z.infer<typeof Me>;

export const Plan = z.object({
  tier: z.string().min(1),
  name: z.string().min(1),
  tokens_per_cycle: TokenCount,
  price: Money,
});
export type Plan = z.infer<typeof Plan>;

export const Balance = z
  .object({ total: TokenCount, plan: TokenCount, top_up: TokenCount })
  .refine((b) => b.total === b.plan + b.top_up, {
    message: 'balance.total must equal balance.plan + balance.top_up',
  });
export type Balance = z.infer<typeof Balance>;

/**
 * The most auto reloads a client may get per billing cycle (the plan's monthly period); null means no cap.
 * A count rather than money so the cap means the same whatever pack is chosen.
 */
export const MonthlyLimit = z.int().positive().max(100).nullable();

export const AutoReload = z.object({
  enabled: z.boolean(),
  threshold: TokenCount,
  pack_id: Id.nullable(),
  /** Optional only so older backends still parse; the sandbox always sends it. */
  monthly_limit: MonthlyLimit.optional(),
});
export type AutoReload = z.infer<typeof AutoReload>;

/** The latest usage submission refused for lack of tokens, until a top-up or a later usage clears it. */
export const InsufficientTokens = z.object({
  submission_id: Id,
  tokens_requested: z.int().positive(),
  shortfall: z.int().positive(),
  at: IsoDateTime,
  description: z.string(),
});
export type InsufficientTokens = z.infer<typeof InsufficientTokens>;

export const Client = z.object({
  id: Id,
  name: z.string().min(1),
  plan: Plan,
  cycle_start: IsoDate,
  renewal_date: IsoDate,
  balance: Balance,
  auto_reload: AutoReload,
  updated_at: IsoDateTime,
  /** Optional only so older backends still parse; the sandbox always sends it (null when nothing is blocked). */
  insufficient_tokens: InsufficientTokens.nullable().optional(),
});
export type Client = z.infer<typeof Client>;

export const Pack = z.object({
  id: Id,
  tokens: z.int().positive(),
  price: Money,
});
export type Pack = z.infer<typeof Pack>;

export const LEDGER_ENTRY_TYPES = [
  'plan_allocation',
  'plan_expiry',
  'top_up',
  'auto_reload',
  'usage',
  /** A submission refused for lack of tokens: amount 0, recorded so the log shows what was not run. */
  'blocked',
  'refund',
  'adjustment',
] as const;
export type KnownLedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];
export const LedgerEntryType = openEnum(LEDGER_ENTRY_TYPES);
export type LedgerEntryType = z.infer<typeof LedgerEntryType>;

export const BUCKETS = ['plan', 'top_up'] as const;
export type KnownBucket = (typeof BUCKETS)[number];
export const Bucket = openEnum(BUCKETS);
export type Bucket = z.infer<typeof Bucket>;

export const LedgerEntry = z.object({
  id: Id,
  client_id: Id,
  seq: z.int().positive(),
  at: IsoDateTime,
  type: LedgerEntryType,
  amount: SignedTokenCount,
  balance_after: TokenCount,
  bucket: Bucket,
  top_up_id: Id.nullable(),
  invoice_id: Id.nullable(),
  submission_id: Id.nullable(),
  description: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
export type KnownInvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const InvoiceStatus = openEnum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const InvoiceLine = z.object({
  description: z.string().min(1),
  quantity: z.int().positive(),
  /** The line total. */
  amount: Money,
  /** Price of one unit (one pack, one plan period); absent on lines written before it existed. */
  unit_amount: Money.optional(),
  pack_id: Id.nullable().optional(),
  /** Tokens the line grants in total. */
  tokens: TokenCount.optional(),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const Invoice = z.object({
  id: Id,
  client_id: Id,
  number: z.string().min(1),
  created_at: IsoDateTime,
  description: z.string().min(1),
  amount: Money,
  status: InvoiceStatus,
  lines: z.array(InvoiceLine).min(1),
  hosted_url: z.url({ protocol: /^https?$/ }),
  top_up_id: Id.nullable(),
});
export type Invoice = z.infer<typeof Invoice>;

/** Every list endpoint wraps its rows the same way; `next_cursor` is opaque to the client. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().min(1).nullable() });
}

export const ClientList = listOf(Client);
export const PackList = listOf(Pack);
export const PlanList = listOf(Plan);
export const LedgerPage = listOf(LedgerEntry);
export const InvoiceList = listOf(Invoice);

export const ClientListQuery = z.strictObject({
  updated_since: IsoDateTime.optional(),
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const LedgerQuery = z.strictObject({
  after_seq: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const InvoiceListQuery = z.strictObject({
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const AutoReloadUpdate = z.strictObject({
  enabled: z.boolean(),
  threshold: TokenCount,
  pack_id: Id.nullable(),
  /** Left out: the client's current limit stays. */
  monthly_limit: MonthlyLimit.optional(),
});
export type AutoReloadUpdate = z.infer<typeof AutoReloadUpdate>;

export const API_ERROR_TYPES = [
  'invalid_request',
  'unauthorized',
  'not_found',
  'conflict',
  'rate_limited',
  'server_error',
] as const;
export const ApiErrorBody = z.object({
  error: z.object({
    type: z.enum(API_ERROR_TYPES),
    message: z.string(),
    code: z.string().optional(),
    /** With `price_changed`: what the pack costs now. */
    current_price: Money.optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
