/** The credit log as CSV (RFC 4180): what "Export CSV" writes, row for row what the filter shows. */
import {
  entryInvoice,
  entryRawId,
  entrySource,
  entryTypeLabel,
} from '../../../shared/ipc/credit-log-columns';
import type { LedgerEntryModel, LedgerFilter } from '../../../shared/ipc/ledger-models';
import type { CreditLogQueries } from '../db/repositories/credit-log-queries';
import type { FileSink } from '../files/files-port';
import { localTimeFormatter, systemTimeZone } from './csv-local-time';
import { toLedgerEntryModel } from './ledger-entry-model';

const EXPORT_BATCH = 2_000;

/**
 * The same words as the table; the table's Reference column is split in two
 * (Source, Invoice), and the id it offers for copying gets a column of its own.
 */
function csvHeader(timeZone: string): string[] {
  return [
    `Date (${timeZone})`,
    'Date (UTC, ISO 8601)',
    'Type',
    'Description',
    'Amount',
    'Balance after',
    'Source',
    'Invoice',
    'Reference ID',
  ];
}

/** Quotes a field only when it must: a comma, quote, CR or LF inside; quotes are doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * Text that a spreadsheet would run as a formula (OWASP's CSV injection list:
 * a leading =, +, -, @, tab or carriage return) gets a leading apostrophe, so
 * it opens as the text it is. Descriptions are written by clients' staff, and
 * labels and ids come from the billing API.
 */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function creditLogCsvLine(entry: LedgerEntryModel, localTime: (isoDateTime: string) => string): string {
  return csvLine([
    localTime(entry.at),
    entry.at,
    textCell(entryTypeLabel(entry.type)),
    textCell(entry.description),
    // Numbers the app formats itself: a minus here is a debit, not a formula.
    String(entry.amount),
    String(entry.balanceAfter),
    textCell(entrySource(entry)),
    textCell(entryInvoice(entry) ?? ''),
    textCell(entryRawId(entry)?.value ?? ''),
  ]);
}

/**
 * Writes the header and every entry matching the filter, newest first, one
 * keyset batch at a time. Entries synced meanwhile are newer than the first
 * batch and so stay out: the file is the log as it was when the export began.
 * Local times are this computer's unless a test pins the zone.
 */
export async function writeCreditLogCsv(
  queries: CreditLogQueries,
  clientId: string,
  filter: LedgerFilter,
  sink: FileSink,
  timeZone: string = systemTimeZone(),
): Promise<number> {
  const localTime = localTimeFormatter(timeZone);
  await sink.write(csvLine(csvHeader(timeZone)));
  let rows = 0;
  let before: number | null = null;
  for (;;) {
    const batch = queries.page(clientId, filter, before, EXPORT_BATCH);
    if (batch.length === 0) return rows;
    await sink.write(batch.map((row) => creditLogCsvLine(toLedgerEntryModel(row), localTime)).join(''));
    rows += batch.length;
    const last = batch.at(-1);
    if (!last || batch.length < EXPORT_BATCH) return rows;
    before = last.seq;
  }
}
