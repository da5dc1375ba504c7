/** Calendar arithmetic for billing cycles, in UTC so data never depends on the host's time zone. */
const DAY_MS = 86_400_000;

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** The same anchor day `months` months later (anchor days stay ≤ 28, so they exist in every month). */
export function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

/** The most recent cycle start on or before `day`, for cycles renewing on `anchorDay` each month. */
export function cycleStartOnOrBefore(day: Date, anchorDay: number): Date {
  const monthOffset = day.getUTCDate() >= anchorDay ? 0 : -1;
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + monthOffset, anchorDay));
}

export function isWeekend(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Whole days from `from` to `to` (both UTC midnights). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}
