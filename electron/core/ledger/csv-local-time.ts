/**
 * Wall-clock times for the CSV's local column, "2026-03-04 11:00:00": a form
 * every spreadsheet reads as a date and time, whatever its locale.
 */

/** Offsets change at most on quarter hours (Lord Howe Island moves by 30 minutes at 15:30 UTC). */
const OFFSET_BLOCK_MS = 15 * 60_000;

/** The time zone this computer's clock shows, which is the one the person exporting lives in. */
export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Returns a formatter for one time zone. Asking Intl for every row costs
 * about 4 µs, seconds over a million rows; the zone's offset is asked once
 * per quarter hour instead, and the log is in time order, so nearly never.
 */
export function localTimeFormatter(timeZone: string): (isoDateTime: string) => string {
  const zone = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  let cachedBlock = Number.NaN;
  let cachedOffsetMs = 0;

  function offsetAt(blockStart: number): number {
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      Number(zone.formatToParts(blockStart).find((candidate) => candidate.type === type)?.value);
    const wallClock = Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
      part('second'),
    );
    return wallClock - blockStart;
  }

  return (isoDateTime) => {
    const at = Date.parse(isoDateTime);
    const block = Math.floor(at / OFFSET_BLOCK_MS);
    if (block !== cachedBlock) {
      cachedOffsetMs = offsetAt(block * OFFSET_BLOCK_MS);
      cachedBlock = block;
    }
    return new Date(at + cachedOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
  };
}
