import type { Money } from '../api/primitives';

/** Whether two prices are the same charge: amount and currency both. */
export function samePrice(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}
