import type Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/api/billing-api';
import { LedgerFilter } from '../../../shared/ipc/ledger-models';
import { openCache } from '../../../electron/core/db/open-cache';
import { createRepositories, type Repositories } from '../../../electron/core/db/repositories';
import { writeCreditLogCsv } from '../../../electron/core/ledger/credit-log-csv';
import { applyLedgerPage } from '../../../electron/core/sync/apply-ledger-page';
import { benchClient } from '../../../scripts/bench/build-bench-cache';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

afterEach(cleanupTempDirs);

const CLIENT = 'cl_csv';

/** A cache in a temp dir holding one client, closed after `run`. */
async function withCsvCache(run: (db: Database.Database, repos: Repositories) => Promise<void>) {
  const { db } = openCache({ dataDir: makeTempDir() });
  try {
    const repos = createRepositories(db);
    repos.clients.upsertMany([benchClient(CLIENT, 'CSV Co', '2026-03-01T00:00:00Z')]);
    await run(db, repos);
  } finally {
    db.close();
  }
}

/** The file an export writes, as written, and how many rows it said it wrote. */
async function exportCsv(repos: Repositories, filter: LedgerFilter, timeZone: string) {
  const chunks: string[] = [];
  const sink = { write: async (chunk: string) => void chunks.push(chunk) };
  const rows = await writeCreditLogCsv(repos.creditLog, CLIENT, filter, sink, timeZone);
  return { rows, text: chunks.join('') };
}

/** Every data line of an export of the whole log, newest first. */
async function exportedLines(repos: Repositories, timeZone: string): Promise<string[]> {
  const { text } = await exportCsv(repos, LedgerFilter.parse({}), timeZone);
  return text.split('\r\n').slice(1, -1);
}

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

it('exports exactly the filtered rows as RFC 4180 CSV, byte for byte', () =>
  withCsvCache(async (db, repos) => {
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

    const filter = LedgerFilter.parse({ types: ['top_up', 'usage'], to: '2026-03-04' });
    const { rows, text } = await exportCsv(repos, filter, 'America/New_York');

    expect(rows).toBe(3);
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    // Types by name, both times, the reference split into source and invoice, and each raw id in its own column.
    expect(bytes.toString('utf8')).toBe(
      'Date (America/New_York),"Date (UTC, ISO 8601)",Type,Description,Amount,Balance after,Source,Invoice,Reference ID\r\n' +
        '2026-03-04 05:00:00,2026-03-04T10:00:00.000Z,Usage,Café ☕ usage,-5,5970,Top-up tokens,,\r\n' +
        '2026-03-03 05:00:00,2026-03-03T10:00:00.000Z,Usage,"Said ""hi"",\nthen left",-25,5975,Plan tokens,,sub_7\r\n' +
        '2026-03-02 05:00:00,2026-03-02T10:00:00.000Z,Top-up,"Top-up of 5,000 tokens",5000,6000,Top-up tokens,CSV-0001,tu_1\r\n',
    );
  }));

it('opens every formula-looking description as text, and keeps debits as numbers', () =>
  withCsvCache(async (db, repos) => {
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

    const lines = await exportedLines(repos, 'UTC');
    expect(lines.reverse()).toEqual([
      `2026-03-01 10:00:00,2026-03-01T10:00:00.000Z,Usage,"'=HYPERLINK(""https://evil.example"",""x"")",-1,100,Plan tokens,,`,
      "2026-03-02 10:00:00,2026-03-02T10:00:00.000Z,Usage,'+1+2,-1,99,Plan tokens,,",
      "2026-03-03 10:00:00,2026-03-03T10:00:00.000Z,Usage,'-2+3,-1,98,Plan tokens,,",
      "2026-03-04 10:00:00,2026-03-04T10:00:00.000Z,Usage,'@SUM(A1),-1,97,Plan tokens,,",
      "2026-03-05 10:00:00,2026-03-05T10:00:00.000Z,Usage,'\tTab,-1,96,Plan tokens,,",
      `2026-03-06 10:00:00,2026-03-06T10:00:00.000Z,Usage,"'\rReturn",-1,95,Plan tokens,,`,
    ]);
  }));

it('writes local times across a daylight saving change, a quarter-hour zone, and newer types by name', () =>
  withCsvCache(async (db, repos) => {
    applyLedgerPage(db, repos, CLIENT, 0, [
      // New York springs forward at 07:00 UTC on March 8, 2026: 01:59 EST, then 03:00 EDT.
      entry(1, { at: '2026-03-08T06:59:00.000Z' }),
      entry(2, { at: '2026-03-08T07:00:00.000Z', type: 'top_up', amount: 500, bucket: 'top_up' }),
      entry(3, {
        at: '2026-03-09T12:00:00.000Z',
        type: 'transfer' as LedgerEntry['type'],
        amount: 250,
        bucket: 'top_up',
        top_up_id: 'xfer_1',
        invoice_id: 'in_not_synced_yet',
        description: 'Transfer from another client',
      }),
    ]);

    expect(
      (await exportedLines(repos, 'America/New_York')).map((line) => line.split(',').slice(0, 3)),
    ).toEqual([
      ['2026-03-09 08:00:00', '2026-03-09T12:00:00.000Z', 'Transfer'],
      ['2026-03-08 03:00:00', '2026-03-08T07:00:00.000Z', 'Top-up'],
      ['2026-03-08 01:59:00', '2026-03-08T06:59:00.000Z', 'Usage'],
    ]);
    const [transfer] = await exportedLines(repos, 'Asia/Kathmandu');
    expect(transfer).toBe(
      '2026-03-09 17:45:00,2026-03-09T12:00:00.000Z,Transfer,Transfer from another client,250,100,Top-up tokens,Invoice pending,xfer_1',
    );
  }));
