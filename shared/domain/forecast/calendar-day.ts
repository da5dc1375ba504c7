/**
 * Calendar dates ("2026-12-01") as plain strings, stepped in UTC so a forecast made at 23:30 in Sydney and one
 * made in Los Angeles name the same days.
 */
const DAY_MS = 86_400_000;

function utcMidnight(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

export function addCalendarDays(isoDate: string, days: number): string {
  return new Date(utcMidnight(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday: a weekday profile then reads like a work week, weekend last. */
export function mondayFirstWeekday(isoDate: string): number {
  return (new Date(utcMidnight(isoDate)).getUTCDay() + 6) % 7;
}
