import { afterEach, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/api/billing-api';
import { LedgerFilter } from '../../../shared/ipc/ledger-models';
import { openCache } from '../../../electron/core/db/open-cache';
import { createRepositories } from '../../../electron/core/db/repositories';
import { writeCreditLogCsv } from '../../../electron/core/ledger/credit-log-csv';
import { applyLedgerPage } from '../../../electron/core/sync/apply-ledger-page';
import { benchClient } from '../../../scripts/bench/build-bench-cache';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

afterEach(cleanupTempDirs);

const CLIENT = 'cl_csv';

function entry(seq: number, fields: Partial<LedgerEntry>): LedgerEntry {
  return {
    id: `led_${seq}`,
    client_id: CLIENT,
    seq,
    at: `2026-03-0${seq}T10:00:00.000Z`,
    type: 'usage',
    amount: -10,
    balance_after: 100,
    bucket: 'plan',
    top_up_id: null,
    invoice_id: null,
    submission_id: null,
    description: 'Usage',
    ...fields,
  };
}

it('exports exactly the filtered rows as RFC 4180 CSV, byte for byte', async () => {
  const { db } = openCache({ dataDir: makeTempDir() });
  try {
    const repos = createRepositories(db);
    repos.clients.upsertMany([benchClient(CLIENT, 'CSV Co', '2026-03-01T00:00:00Z')]);
    const entries = [
      entry(1, {
        type: 'plan_allocation',
        amount: 1000,
        balance_after: 1000,
        description: 'Plan allocation',
      }),
      entry(2, {
        type: 'top_up',
        amount: 5000,
        balance_after: 6000,
        bucket: 'top_up',
        top_up_id: 'tu_1',
        invoice_id: 'in_1',
        description: 'Top-up of 5,000 tokens',
      }),
      entry(3, {
        amount: -25,
        balance_after: 5975,
        submission_id: 'sub_7',
        description: 'Said "hi",\nthen left',
      }),
      entry(4, { amount: -5, balance_after: 5970, bucket: 'top_up', description: 'Café ☕ usage' }),
      entry(5, { type: 'refund', amount: 3, balance_after: 5973, description: 'Refund' }),
    ];
    applyLedgerPage(db, repos, CLIENT, 0, entries);
    repos.invoices.replaceForClient(CLIENT, [
      {
        id: 'in_1',
        client_id: CLIENT,
        number: 'CSV-0001',
        created_at: '2026-03-02T10:00:00Z',
        description: 'Top-up',
        amount: { amount: 5000, currency: 'USD' },
        status: 'paid',
        lines: [{ description: 'Pack', quantity: 1, amount: { amount: 5000, currency: 'USD' } }],
        hosted_url: 'https://billing.example/in_1',
        top_up_id: 'tu_1',
      },
    ]);

    const chunks: string[] = [];
    const filter = LedgerFilter.parse({ types: ['top_up', 'usage'], to: '2026-03-04' });
    const rows = await writeCreditLogCsv(repos.creditLog, CLIENT, filter, {
      write: async (chunk) => void chunks.push(chunk),
    });

    expect(rows).toBe(3);
    const bytes = Buffer.from(chunks.join(''), 'utf8');
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.toString('utf8')).toBe(
      'Date,Type,Description,Amount,Balance after,Source,Reference\r\n' +
        '2026-03-04T10:00:00.000Z,usage,Café ☕ usage,-5,5970,Top-ups,\r\n' +
        '2026-03-03T10:00:00.000Z,usage,"Said ""hi"",\nthen left",-25,5975,Plan,sub_7\r\n' +
        '2026-03-02T10:00:00.000Z,top_up,"Top-up of 5,000 tokens",5000,6000,Top-up tu_1,CSV-0001\r\n',
    );
  } finally {
    db.close();
  }
});

it('opens every formula-looking description as text, and keeps debits as numbers', async () => {
  const { db } = openCache({ dataDir: makeTempDir() });
  try {
    const repos = createRepositories(db);
    repos.clients.upsertMany([benchClient(CLIENT, 'CSV Co', '2026-03-01T00:00:00Z')]);
    const hostile = [
      '=HYPERLINK("https://evil.example","x")',
      '+1+2',
      '-2+3',
      '@SUM(A1)',
      '\tTab',
      '\rReturn',
    ];
    applyLedgerPage(
      db,
      repos,
      CLIENT,
      0,
      hostile.map((description, i) => entry(i + 1, { description, amount: -1, balance_after: 100 - i })),
    );

    const chunks: string[] = [];
    await writeCreditLogCsv(repos.creditLog, CLIENT, LedgerFilter.parse({}), {
      write: async (chunk) => void chunks.push(chunk),
    });

    const lines = chunks.join('').split('\r\n').slice(1, -1).reverse();
    expect(lines).toEqual([
      `2026-03-01T10:00:00.000Z,usage,"'=HYPERLINK(""https://evil.example"",""x"")",-1,100,Plan,`,
      "2026-03-02T10:00:00.000Z,usage,'+1+2,-1,99,Plan,",
      "2026-03-03T10:00:00.000Z,usage,'-2+3,-1,98,Plan,",
      "2026-03-04T10:00:00.000Z,usage,'@SUM(A1),-1,97,Plan,",
      "2026-03-05T10:00:00.000Z,usage,'\tTab,-1,96,Plan,",
      `2026-03-06T10:00:00.000Z,usage,"'\rReturn",-1,95,Plan,`,
    ]);
  } finally {
    db.close();
  }
});
