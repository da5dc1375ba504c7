const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A short pause after launch so the first check never competes with startup. */
export const STARTUP_CHECK_DELAY_MS = 10_000;
export const CHECK_INTERVAL_MS = 4 * HOUR;
/** Spreads checks so a fleet of installs started together does not hit the feed in lockstep. */
export const JITTER_RATIO = 0.1;
export const FIRST_RETRY_DELAY_MS = 15 * MINUTE;

/** A uniform random number in [0, 1), like Math.random. */
export type Random = () => number;

function withJitter(delayMs: number, random: Random): number {
  const spread = delayMs * JITTER_RATIO;
  return Math.round(delayMs - spread + 2 * spread * random());
}

/** When to check again after a check that worked. */
export function nextCheckDelay(random: Random): number {
  return withJitter(CHECK_INTERVAL_MS, random);
}

/**
 * When to try again after `failures` consecutive failures: 15 min, 30 min,
 * 1 h, 2 h, then the regular interval, so a broken feed is not hammered and a
 * brief outage is retried soon.
 */
export function retryDelay(failures: number, random: Random): number {
  const exponent = Math.max(0, failures - 1);
  return withJitter(Math.min(CHECK_INTERVAL_MS, FIRST_RETRY_DELAY_MS * 2 ** exponent), random);
}
