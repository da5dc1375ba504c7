/**
 * The sandbox's test clock (like a Stripe test clock): the host's `now` plus an
 * offset that only moves forward, kept in the store so a restart keeps the time.
 */
import { readMeta, writeMeta, type SandboxDb } from '../store/open-store';

const OFFSET_KEY = 'clock_offset_ms';

export interface SandboxClock {
  now(): Date;
  /** Moves the clock to `to`; moving backwards is refused by the caller before this is reached. */
  setTo(to: Date): void;
  reset(): void;
}

export function createSandboxClock(db: SandboxDb, baseNow: () => Date): SandboxClock {
  let offset = Number(readMeta(db, OFFSET_KEY) ?? '0');
  return {
    now: () => new Date(baseNow().getTime() + offset),
    setTo(to) {
      offset = to.getTime() - baseNow().getTime();
      writeMeta(db, OFFSET_KEY, String(offset));
    },
    reset() {
      offset = 0;
      writeMeta(db, OFFSET_KEY, '0');
    },
  };
}
