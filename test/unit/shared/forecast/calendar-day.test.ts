/**
 * The day arithmetic gives exactly what stepping through Date gave (the implementation it replaced), for
 * every date, offset and odd input, so no forecast changes by a day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, mondayFirstWeekday } from '../../../../shared/domain/forecast/calendar-day';

const DAY_MS = 86_400_000;
const midnight = (isoDate: string) => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
const viaDate = (isoDate: string, days: number) =>
  new Date(midnight(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
const weekdayViaDate = (isoDate: string) => (new Date(midnight(isoDate)).getUTCDay() + 6) % 7;

/** Either the value or the error Date gave, so both can be compared. */
function outcome<T>(fn: () => T): T | string {
  try {
    return fn();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

describe('calendar days', () => {
  it('steps every day of 1896–2104 (leap and century years) like Date', () => {
    for (let ms = Date.UTC(1896, 0, 1); ms < Date.UTC(2105, 0, 1); ms += DAY_MS) {
      const day = new Date(ms).toISOString().slice(0, 10);
      for (const offset of [-400, -31, -1, 0, 1, 28, 365]) {
        expect(addCalendarDays(day, offset)).toBe(viaDate(day, offset));
      }
      expect(mondayFirstWeekday(day)).toBe(weekdayViaDate(day));
    }
  });

  it('agrees with Date on any date, offset, datetime suffix and year', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.oneof(
          fc.integer({ min: -3_000_000, max: 3_000_000 }),
          fc.double({ min: -500, max: 500, noNaN: true }),
        ),
        fc.boolean(),
        (date, offset, withTime) => {
          const iso = withTime ? date.toISOString() : date.toISOString().slice(0, 10);
          expect(outcome(() => addCalendarDays(iso, offset))).toBe(outcome(() => viaDate(iso, offset)));
          expect(mondayFirstWeekday(iso)).toBe(weekdayViaDate(iso));
        },
      ),
    );
  });

  it('leaves malformed and impossible dates to Date', () => {
    for (const odd of [
      '2026-02-30',
      '2026-02-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      'x026-01-01',
      '',
      '2026',
    ]) {
      expect(outcome(() => addCalendarDays(odd, 1))).toBe(outcome(() => viaDate(odd, 1)));
      expect(outcome(() => mondayFirstWeekday(odd))).toEqual(outcome(() => weekdayViaDate(odd)));
    }
    expect(outcome(() => addCalendarDays('2026-01-01', Number.NaN))).toBe(
      outcome(() => viaDate('2026-01-01', Number.NaN)),
    );
  });
});
