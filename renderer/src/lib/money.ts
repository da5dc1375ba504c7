import type { Money } from '../../../shared/api/primitives';

/** Whether two prices are the same charge: amount and currency. */
export function samePrice(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}
