import { z } from 'zod';

/** ISO 4217 code, upper case (e.g. "USD"). */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code');

/** Money is always an integer count of the currency's minor unit (cents for USD). */
export const Money = z.object({
  amount: z.int(),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

export const TokenCount = z.int().nonnegative();
export const SignedTokenCount = z.int();

export const IsoDateTime = z.iso.datetime({ offset: false });
export const IsoDate = z.iso.date();

export const Id = z.string().min(1).max(128);
