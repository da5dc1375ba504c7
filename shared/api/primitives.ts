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

/**
 * An RFC 3339 timestamp with any offset, normalized to UTC with milliseconds
 * ("2026-06-15T14:30:00+02:00" → "2026-06-15T12:30:00.000Z"), so every stored
 * time sorts and compares as text, whatever form a newer server sends. zod runs
 * the normalization even after the format check failed; such a value is left
 * for that check to report.
 */
export const IsoDateTime = z.iso.datetime({ offset: true }).overwrite((value) => {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
});
export const IsoDate = z.iso.date();

export const Id = z.string().min(1).max(128);
