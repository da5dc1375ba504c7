import { describe, expect, it } from 'vitest';
import { describeDaysLeft } from '../../../renderer/src/lib/renewal';

describe('the renewal next to its date', () => {
  const now = new Date(2026, 5, 15, 9, 30);

  it('says when the plan renews, in words people use', () => {
    expect(describeDaysLeft('2026-06-21', now)).toBe('Renews in 6 days');
    expect(describeDaysLeft('2026-06-16', now)).toBe('Renews tomorrow');
    expect(describeDaysLeft('2026-06-15', now)).toBe('Renews today');
    expect(describeDaysLeft('2026-06-14', now)).toBe('Renewal overdue');
    expect(describeDaysLeft('2027-06-15', now)).toBe('Renews in 365 days');
  });
});
