/**
 * Display formatting for people. Pure and locale-aware; amounts stay integers
 * until this point and only here become text.
 */
import type { Money } from '../api/primitives';

const DEFAULT_LOCALE = 'en-US';

const numberFormats = new Map<string, Intl.NumberFormat>();
function cachedFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = numberFormats.get(key);
  if (!format) {
    format = make();
    numberFormats.set(key, format);
  }
  return format;
}

export function formatInteger(value: number, locale = DEFAULT_LOCALE): string {
  return cachedFormat(
    `int:${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
  ).format(value);
}

export function formatTokens(value: number, locale = DEFAULT_LOCALE): string {
  return `${formatInteger(value, locale)} ${Math.abs(value) === 1 ? 'token' : 'tokens'}`;
}

/** Signed token amount for ledgers: "+5,000" / "−1,200" (true minus sign). */
export function formatSignedTokens(value: number, locale = DEFAULT_LOCALE): string {
  const magnitude = formatInteger(Math.abs(value), locale);
  if (value > 0) return `+${magnitude}`;
  if (value < 0) return `\u2212${magnitude}`;
  return magnitude;
}

function currencyFormat(currency: string, locale: string): Intl.NumberFormat {
  return cachedFormat(
    `cur:${locale}:${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
}

/** Number of minor units in one major unit of a currency (100 for USD, 1 for JPY). */
export function minorUnitsPerMajor(currency: string): number {
  const digits = currencyFormat(currency, DEFAULT_LOCALE).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

export function formatMoney(money: Money, locale = DEFAULT_LOCALE): string {
  return currencyFormat(money.currency, locale).format(money.amount / minorUnitsPerMajor(money.currency));
}

/** Price of a single token, shown with enough precision to compare packs and plans. */
export function formatPerTokenRate(money: Money, tokens: number, locale = DEFAULT_LOCALE): string {
  const perToken = money.amount / minorUnitsPerMajor(money.currency) / tokens;
  return cachedFormat(
    `rate:${locale}:${money.currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: money.currency,
        minimumFractionDigits: 4,
        maximumFractionDigits: 4,
      }),
  ).format(perToken);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function cachedDateFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) {
    format = make();
    dateFormats.set(key, format);
  }
  return format;
}

/** A calendar date ("2026-12-01") as "Dec 1, 2026", independent of the viewer's time zone. */
export function formatCalendarDate(isoDate: string, locale = DEFAULT_LOCALE): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return cachedDateFormat(
    `date:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  ).format(date);
}

/** An instant in the viewer's time zone, e.g. "Nov 25, 2026, 2:05 PM". */
export function formatDateTime(isoDateTime: string, locale = DEFAULT_LOCALE, timeZone?: string): string {
  return cachedDateFormat(
    `dt:${locale}:${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(new Date(isoDateTime));
}

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "just now", "5 minutes ago", "in 3 days". */
export function formatRelativeTime(isoDateTime: string, now: Date, locale = DEFAULT_LOCALE): string {
  let delta = (new Date(isoDateTime).getTime() - now.getTime()) / 1000;
  if (Math.abs(delta) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(delta) < size) return format.format(Math.round(delta), unit);
    delta /= size;
  }
  return format.format(Math.round(delta), 'year');
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const from = Date.parse(`${fromIsoDate.slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${toIsoDate.slice(0, 10)}T00:00:00Z`);
  return Math.round((to - from) / 86_400_000);
}

/** Shows an identifier the app has no words for yet, as sent: "partially_refunded" → "Partially Refunded". */
export function titleCaseIdentifier(raw: string): string {
  return raw
    .split(/[_.\-\s]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
