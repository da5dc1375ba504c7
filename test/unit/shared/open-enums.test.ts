import { describe, expect, it } from 'vitest';
import { Invoice, LedgerEntry } from '../../../shared/api/billing-api';
import { TopUp } from '../../../shared/api/payments-api';
import { replayFromStart } from '../../../shared/domain/ledger-replay';
import { titleCaseIdentifier } from '../../../shared/domain/format';
import { balanceOf } from '../../../shared/domain/token-ledger';

const entry = (seq: number, fields: Partial<Record<keyof LedgerEntry, unknown>>) =>
  LedgerEntry.parse({
    id: `led_${seq}`,
    client_id: 'cl_a',
    seq,
    at: '2026-06-10T09:00:00Z',
    type: 'usage',
    amount: 0,
    balance_after: 0,
    bucket: 'plan',
    top_up_id: null,
    invoice_id: null,
    submission_id: null,
    description: '',
    ...fields,
  });

describe('enum values a newer billing API adds', () => {
  it('parse and keep the value as sent, for every open enum', () => {
    expect(entry(1, { type: 'transfer', bucket: 'shared', amount: 5 })).toMatchObject({
      type: 'transfer',
      bucket: 'shared',
    });
    const invoice = Invoice.parse({
      id: 'in_1',
      client_id: 'cl_a',
      number: 'A-1',
      created_at: '2026-06-10T09:00:00Z',
      description: 'Top up',
      amount: { amount: 100, currency: 'USD' },
      status: 'partially_refunded',
      lines: [{ description: 'Pack', quantity: 1, amount: { amount: 100, currency: 'USD' } }],
      hosted_url: 'https://billing.example/in_1',
      top_up_id: null,
    });
    expect(invoice.status).toBe('partially_refunded');
    const topUp = TopUp.parse({
      id: 'tu_1',
      client_id: 'cl_a',
      pack_id: 'pack_1k',
      tokens: 1000,
      amount: { amount: 100, currency: 'USD' },
      status: 'requires_capture',
      client_secret: null,
      next_action: { type: 'redirect_to_url' },
      last_payment_error: null,
      invoice_id: null,
      ledger_entry_id: null,
      created_at: '2026-06-10T09:00:00Z',
    });
    expect(topUp).toMatchObject({ status: 'requires_capture', next_action: { type: 'redirect_to_url' } });
  });

  it('still refuse values that are not identifiers, so a broken response is not taken for a new one', () => {
    for (const type of ['', 'two words', 'x'.repeat(65), '<script>', 42]) {
      expect(() => entry(1, { type })).toThrow();
    }
  });

  it('count in the replayed balance: an unknown type in a known bucket, an unknown bucket by its name', () => {
    const state = replayFromStart('cl_a', [
      entry(1, { type: 'plan_allocation', amount: 1000 }),
      entry(2, { type: 'transfer', bucket: 'top_up', amount: 250, top_up_id: 'xfer_1' }),
      entry(3, { type: 'transfer', bucket: 'top_up', amount: 40 }),
      entry(4, { type: 'grant', bucket: 'shared', amount: 70 }),
      entry(5, { type: 'usage', bucket: 'top_up', amount: -100 }),
    ]);
    expect(state.topUps).toEqual([
      { id: 'xfer_1', kind: 'transfer', remaining: 150 },
      { id: 'unattributed_3', kind: 'transfer', remaining: 40 },
    ]);
    expect(state.otherBuckets).toEqual({ shared: 70 });
    expect(balanceOf(state)).toEqual({ total: 1190, plan: 1000, top_up: 190 });
  });

  it('are shown by name, title-cased', () => {
    expect(titleCaseIdentifier('transfer')).toBe('Transfer');
    expect(titleCaseIdentifier('partially_refunded')).toBe('Partially Refunded');
    expect(titleCaseIdentifier('credit-note.issued')).toBe('Credit Note Issued');
  });
});
