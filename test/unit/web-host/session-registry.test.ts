import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_LIMITS, SessionRegistry } from '../../../electron/web-host/request-guard';

const HOUR_MS = 60 * 60 * 1000;

describe('web host sessions', () => {
  it('expire after 12 hours without use, and each use keeps a session alive', () => {
    let now = 0;
    const sessions = new SessionRegistry(DEFAULT_SESSION_LIMITS, () => now);
    const kept = sessions.create();
    const idle = sessions.create();

    now = 11 * HOUR_MS;
    expect(sessions.isValid(kept)).toBe(true);
    now = 13 * HOUR_MS;
    expect(sessions.isValid(kept)).toBe(true);
    expect(sessions.isValid(idle)).toBe(false);
    // Forgotten for good, not only refused once.
    now = 13 * HOUR_MS + 1;
    expect(sessions.isValid(idle)).toBe(false);
  });

  it('are bounded: a new session beyond the limit evicts the one used longest ago', () => {
    let now = 0;
    const sessions = new SessionRegistry({ idleMs: HOUR_MS, max: 3 }, () => now++);
    const [first, second, third] = [sessions.create(), sessions.create(), sessions.create()];
    expect(sessions.isValid(first)).toBe(true);

    const fourth = sessions.create();

    expect([first, second, third, fourth].map((token) => sessions.isValid(token))).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('never accepts an empty, missing or made-up token', () => {
    const sessions = new SessionRegistry();
    sessions.create();
    expect([null, '', 'made-up'].map((token) => sessions.isValid(token))).toEqual([false, false, false]);
  });
});
