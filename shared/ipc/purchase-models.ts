/** Manual top-up purchases, Auto Reload settings and Stripe configuration as the renderer sees them. */
import { z } from 'zod';
import { Id, IsoDateTime, Money, TokenCount } from '../api/primitives';
import { BalanceSplit, SavedCard } from './models';

/**
 * The journal's view of one purchase. `pending` is written before anything is
 * sent; `processing` before the charge request leaves; the Stripe-shaped states
 * mirror the top-up; `succeeded`, `canceled` and `failed` are final.
 */
export const PURCHASE_STATES = [
  'pending',
  'processing',
  'requires_action',
  'requires_payment_method',
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
