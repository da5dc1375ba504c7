/** Manual top-up purchases, Auto Reload settings and Stripe configuration as the renderer sees them. */
import { z } from 'zod';
import { Id, IsoDateTime, Money, TokenCount } from '../api/primitives';
import { BalanceSplit, SavedCard } from './models';

/**
 * The journal's view of one purchase. `pending` is written before anything is
 * sent; `processing` before the charge request leaves; the Stripe-shaped states
 * mirror the top-up; `needs_review` is a purchase the app could not settle by
 * itself (the answer was one it cannot read); `succeeded`, `canceled` and
 * `failed` are final, and `canceled`/`failed` are only ever reached when the
 * billing API said for this purchase that nothing was charged.
 */
export const PURCHASE_STATES = [
  'pending',
  'processing',
  'requires_action',
  'requires_payment_method',
  'needs_review',
  'succeeded',
  'canceled',
  'failed',
] as const;
export const PurchaseState = z.enum(PURCHASE_STATES);
export type PurchaseState = z.infer<typeof PurchaseState>;

export const FINAL_PURCHASE_STATES: readonly PurchaseState[] = ['succeeded', 'canceled', 'failed'];

export const PurchasePaymentError = z.object({
  code: z.string(),
  declineCode: z.string().nullable(),
  /** Plain words for the manager, e.g. "Your card was declined: insufficient funds." */
  message: z.string(),
});
export type PurchasePaymentError = z.infer<typeof PurchasePaymentError>;

/**
 * Why a purchase is still unsettled: what the billing service last answered
 * when the app asked, and what the manager can do about it.
 */
export const PurchaseAnswer = z.object({
  at: IsoDateTime,
  /** What the billing service said, e.g. "The billing service did not accept the API token." */
  detail: z.string(),
  /** The next step, e.g. "Sign in again to check it." */
  advice: z.string(),
});
export type PurchaseAnswer = z.infer<typeof PurchaseAnswer>;

export const Purchase = z.object({
  id: Id,
  clientId: Id,
  clientName: z.string(),
  packId: Id,
  tokens: TokenCount,
  amount: Money,
  state: PurchaseState,
  topUpId: Id.nullable(),
  /** For Stripe.js `handleNextAction` while the state is requires_action. */
  clientSecret: z.string().nullable(),
  paymentError: PurchasePaymentError.nullable(),
  /** The card the charge went to (or will go to). */
  card: SavedCard.nullable(),
  /** Set once succeeded: the client's balance including the new tokens. */
  balanceAfter: BalanceSplit.nullable(),
  invoiceId: Id.nullable(),
  /** Evidence for support: the key every request for this purchase carried (not a secret). */
  idempotencyKey: z.string(),
  /** Set while the outcome is unknown or needs review; null once settled. */
  lastAnswer: PurchaseAnswer.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Purchase = z.infer<typeof Purchase>;

export const StripeConfig = z.object({
  publishableKey: z.string(),
  /** Sandbox mode only: the Stripe.js stand-in to load before `loadStripe`. Null with a real backend. */
  standInScriptUrl: z.string().nullable(),
});
export type StripeConfig = z.infer<typeof StripeConfig>;

export const AutoReloadSettings = z.strictObject({
  enabled: z.boolean(),
  packId: Id.nullable(),
  /** Reload when the balance falls below this many tokens. */
  threshold: TokenCount,
  /** Most auto reloads per billing cycle; null means no cap. */
  monthlyLimit: z.int().positive().max(100).nullable(),
});
export type AutoReloadSettings = z.infer<typeof AutoReloadSettings>;

export const CheckoutStart = z.object({ clientSecret: z.string() });
export type CheckoutStart = z.infer<typeof CheckoutStart>;
