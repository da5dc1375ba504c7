/**
 * Billing API v1, payments: manual top-ups charged to the agency's saved card,
 * shaped after Stripe PaymentIntents, and the Checkout session that recovers a
 * declined one with a new card.
 */
import { z } from 'zod';
import { Balance, LedgerEntry } from './billing-api';
import { openEnum } from './open-enum';
import { Id, IsoDateTime, Money, TokenCount } from './primitives';

export const TOP_UP_STATUSES = [
  'processing',
  'requires_action',
  'requires_payment_method',
  'succeeded',
  'canceled',
] as const;
export const TopUpStatus = openEnum(TOP_UP_STATUSES);
export type TopUpStatus = z.infer<typeof TopUpStatus>;

/** Stripe's error triple: `code` (e.g. card_declined), `decline_code` (e.g. insufficient_funds), a message to show. */
export const PaymentError = z.object({
  code: z.string().min(1),
  decline_code: z.string().min(1).nullable(),
  message: z.string().min(1),
});
export type PaymentError = z.infer<typeof PaymentError>;

/**
 * What Stripe.js must do before the charge can complete; `use_stripe_sdk` means `stripe.handleNextAction`.
 * Stripe adds kinds over time (redirects, vouchers); the app cannot do those, so it offers Checkout instead.
 */
export const NEXT_ACTION_TYPES = ['use_stripe_sdk'] as const;
export const NextAction = z.object({ type: openEnum(NEXT_ACTION_TYPES) });

export const TopUp = z.object({
  id: Id,
  client_id: Id,
  pack_id: Id,
  tokens: z.int().positive(),
  amount: Money,
  status: TopUpStatus,
  /** Pass to `stripe.handleNextAction({ clientSecret })` while the status is requires_action. */
  client_secret: z.string().min(1).nullable(),
  next_action: NextAction.nullable(),
  last_payment_error: PaymentError.nullable(),
  invoice_id: Id.nullable(),
  ledger_entry_id: Id.nullable(),
  created_at: IsoDateTime,
});
export type TopUp = z.infer<typeof TopUp>;

/**
 * `amount` is the price the manager confirmed: when the pack costs something else now, the billing API
 * answers 409 `price_changed` with `current_price` and charges nothing.
 */
export const CreateTopUpBody = z.strictObject({ pack_id: Id, amount: Money.optional() });
export type CreateTopUpBody = z.infer<typeof CreateTopUpBody>;

export const TopUpResult = z.object({
  top_up: TopUp,
  /** The client's balance after this request (unchanged unless the top-up succeeded). */
  balance: Balance,
  /** The `top_up` credit entry, when the top-up succeeded. */
  ledger_entry: LedgerEntry.nullable(),
});
export type TopUpResult = z.infer<typeof TopUpResult>;

/** Looks a top-up up by the Idempotency-Key of the request that created it (keys stay findable after they expire). */
export const TopUpLookupQuery = z.strictObject({ idempotency_key: z.string().min(1).max(255) });
export type TopUpLookupQuery = z.infer<typeof TopUpLookupQuery>;

/** Top-ups created with the key, newest first: empty means no request with that key ever created one. */
export const TopUpList = z.object({ data: z.array(TopUp), next_cursor: z.string().nullable() });
export type TopUpList = z.infer<typeof TopUpList>;

/** The error codes the payments routes answer with that a caller acts on. */
export const PRICE_CHANGED = 'price_changed';
export const IDEMPOTENCY_KEY_IN_USE = 'idempotency_key_in_use';

export const CheckoutSessionStatus = z.enum(['open', 'complete', 'expired']);

export const CheckoutSession = z.object({
  id: Id,
  top_up_id: Id,
  status: CheckoutSessionStatus,
  /** Pass to Embedded Checkout (`stripe.createEmbeddedCheckoutPage({ clientSecret })`). */
  client_secret: z.string().min(1),
  amount: Money,
  tokens: TokenCount,
  created_at: IsoDateTime,
});
export type CheckoutSession = z.infer<typeof CheckoutSession>;

/**
 * Embedded Checkout in setup mode: the card typed into it becomes the agency's saved card without any charge,
 * for every client's purchases and Auto Reloads (how a declined saved card is replaced).
 */
export const SetupSession = z.object({
  id: Id,
  status: z.enum(['open', 'complete']),
  /** Pass to Embedded Checkout (`stripe.createEmbeddedCheckoutPage({ clientSecret })`). */
  client_secret: z.string().min(1),
  created_at: IsoDateTime,
});
export type SetupSession = z.infer<typeof SetupSession>;
