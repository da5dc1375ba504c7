/**
 * Calendar dates ("2026-12-01") as plain strings, stepped in UTC so a forecast made at 23:30 in Sydney and one
 * made in Los Angeles name the same days.
 *
 * Days are counted with integer arithmetic (the proleptic Gregorian day number), not through Date: a forecast
 * steps a few hundred days per client and the dashboard forecasts every client, and parsing and formatting a
 * Date per step was a large part of its time. Input that does not start with a valid "YYYY-MM-DD", a step that
 * is not a whole number of days, or a result outside the years 0000–9999 goes the Date way as before, so every
 * answer stays what Date gave.
 */
const DAY_MS = 86_400_000;
/** Days from 0000-03-01, where the arithmetic below counts from, to 1970-01-01. */
const EPOCH_SHIFT = 719_468;
const DAYS_PER_ERA = 146_097;

function utcMidnight(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** The number written by `text[from..to)`, or NaN unless every character is a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a valid "YYYY-MM-DD…", or null when only Date can say what the string means. */
function dayNumber(isoDate: string): number | null {
  if (isoDate.length < 10 || isoDate[4] !== '-' || isoDate[7] !== '-') return null;
  const year = digits(isoDate, 0, 4);
  const month = digits(isoDate, 5, 7);
  const day = digits(isoDate, 8, 10);
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  // Years start in March so the leap day is the last day of a year (H. Hinnant, "days_from_civil").
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
}

/** The inverse of dayNumber ("civil_from_days"), or null outside the years a plain date can write. */
function isoOfDayNumber(days: number): string | null {
  const shifted = days + EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function addCalendarDays(isoDate: string, days: number): string {
  // A fraction of a day is rounded the way Date's float milliseconds round it, so it goes that way.
  const start = Number.isInteger(days) ? dayNumber(isoDate) : null;
  const fast = start === null ? null : isoOfDayNumber(start + days);
  return fast ?? new Date(utcMidnight(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `count` dates one day apart from `start` on: addCalendarDays(start, 0 … count - 1), parsing `start` once. */
export function consecutiveDays(start: string, count: number): string[] {
  const first = dayNumber(start);
  const days: string[] = [];
  for (let offset = 0; offset < count; offset += 1) {
    days.push((first === null ? null : isoOfDayNumber(first + offset)) ?? addCalendarDays(start, offset));
  }
  return days;
}

/** 0 = Monday … 6 = Sunday: a weekday profile then reads like a work week, weekend last. */
export function mondayFirstWeekday(isoDate: string): number {
  const days = dayNumber(isoDate);
  // 1970-01-01 was a Thursday (3 counted from Monday).
  if (days !== null) return (((days + 3) % 7) + 7) % 7;
  return (new Date(utcMidnight(isoDate)).getUTCDay() + 6) % 7;
}
