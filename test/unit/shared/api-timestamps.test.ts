import { describe, expect, it } from 'vitest';
import { LedgerEntry } from '../../../shared/api/billing-api';
import { IsoDateTime } from '../../../shared/api/primitives';

describe('timestamps from the billing API', () => {
  it('accept any RFC 3339 offset and are stored as UTC with milliseconds', () => {
    expect(IsoDateTime.parse('2026-06-15T14:30:00+02:00')).toBe('2026-06-15T12:30:00.000Z');
    expect(IsoDateTime.parse('2026-06-15T08:30:00.5-04:00')).toBe('2026-06-15T12:30:00.500Z');
    expect(IsoDateTime.parse('2026-06-15T12:30:00Z')).toBe('2026-06-15T12:30:00.000Z');
  });

  it('still refuse what is not a timestamp, with a validation issue rather than a crash', () => {
    for (const value of ['yesterday', '2026-06-15', '2026-06-15T12:30:00']) {
      const parsed = IsoDateTime.safeParse(value);
      expect(parsed.success).toBe(false);
    }
  });

  it('normalize inside API objects, so a newer server with local offsets syncs like any other', () => {
    const entry = LedgerEntry.parse({
      id: 'led_1',
      client_id: 'cl_a',
      seq: 1,
      at: '2026-06-10T09:00:00+02:00',
      type: 'usage',
      amount: -10,
      balance_after: 90,
      bucket: 'plan',
      top_up_id: null,
      invoice_id: null,
      submission_id: null,
      description: 'Usage',
      added_by_a_newer_server: true,
    });
    expect(entry.at).toBe('2026-06-10T07:00:00.000Z');
    expect(entry).not.toHaveProperty('added_by_a_newer_server');
  });
});
