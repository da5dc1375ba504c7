import type Database from 'better-sqlite3';
import { InvoiceLine, type Invoice, type InvoiceStatus } from '../../../../shared/api/billing-api';
import type { Money } from '../../../../shared/api/primitives';

interface InvoiceRow {
  id: string;
  client_id: string;
  number: string;
  created_at: string;
  description: string;
  amount: number;
  currency: string;
  status: string;
  lines_json: string;
  hosted_url: string;
  top_up_id: string | null;
}

const DATA_COLUMNS = [
  'client_id',
  'number',
  'created_at',
  'description',
  'amount',
  'currency',
  'status',
  'lines_json',
  'hosted_url',
  'top_up_id',
] as const satisfies readonly (keyof InvoiceRow)[];

const UPSERT_SQL = `
INSERT INTO invoices (id, ${DATA_COLUMNS.join(', ')})
VALUES (@id, ${DATA_COLUMNS.map((c) => `@${c}`).join(', ')})
ON CONFLICT (id) DO UPDATE SET ${DATA_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
WHERE (${DATA_COLUMNS.map((c) => `invoices.${c}`).join(', ')})
  IS NOT (${DATA_COLUMNS.map((c) => `excluded.${c}`).join(', ')})`;

/**
 * Whether one of the client's latest top-ups names an invoice the cache does not hold yet. Billing services
 * finalize invoices on their own time, so the listing right after a purchase can miss it, and nothing else
 * about the client changes when it arrives. Only the latest few are looked at: an old top-up whose invoice
 * never came is not worth a request every run.
 */
const AWAITS_TOP_UP_INVOICE_SQL = `
SELECT EXISTS (
  SELECT 1 FROM (
    SELECT invoice_id FROM ledger_entries
    WHERE client_id = ? AND type = 'top_up'
    ORDER BY seq DESC LIMIT 5
  ) AS latest
  WHERE latest.invoice_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM invoices WHERE invoices.id = latest.invoice_id)
) AS awaits`;

const InvoiceLines = InvoiceLine.array();

function toRow(invoice: Invoice): InvoiceRow {
  return {
    id: invoice.id,
    client_id: invoice.client_id,
    number: invoice.number,
    created_at: invoice.created_at,
    description: invoice.description,
    amount: invoice.amount.amount,
    currency: invoice.amount.currency,
    status: invoice.status,
    lines_json: JSON.stringify(invoice.lines),
    hosted_url: invoice.hosted_url,
    top_up_id: invoice.top_up_id,
  };
}

function fromRow(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    client_id: row.client_id,
    number: row.number,
    created_at: row.created_at,
    description: row.description,
    amount: { amount: row.amount, currency: row.currency },
    status: row.status as InvoiceStatus,
    lines: InvoiceLines.parse(JSON.parse(row.lines_json)),
    hosted_url: row.hosted_url,
    top_up_id: row.top_up_id,
  };
}

export function createInvoicesRepo(db: Database.Database) {
  const upsert = db.prepare<InvoiceRow>(UPSERT_SQL);
  const deleteOthers = db.prepare<[string, string]>(
    'DELETE FROM invoices WHERE client_id = ? AND id NOT IN (SELECT value FROM json_each(?))',
  );
  const removeForClient = db.prepare<[string]>('DELETE FROM invoices WHERE client_id = ?');
  const byId = db.prepare<[string], InvoiceRow>('SELECT * FROM invoices WHERE id = ?');
  const awaitsTopUpInvoice = db.prepare<[string], { awaits: number }>(AWAITS_TOP_UP_INVOICE_SQL);
  const spendBetween = db.prepare<[string, string], { topUp: number; currency: string; amount: number }>(
    `SELECT top_up_id IS NOT NULL AS topUp, currency, sum(amount) AS amount FROM invoices
     WHERE created_at >= ? AND created_at < ? AND status NOT IN ('void', 'draft')
     GROUP BY topUp, currency ORDER BY amount DESC`,
  );
  const listForClient = db.prepare<[string], InvoiceRow>(
    'SELECT * FROM invoices WHERE client_id = ? ORDER BY created_at DESC, id DESC',
  );

  return {
    /** Makes a client's stored invoices equal to the given list; returns how many rows changed. */
    replaceForClient(clientId: string, invoices: readonly Invoice[]): number {
      let changed = 0;
      for (const invoice of invoices) changed += upsert.run(toRow(invoice)).changes;
      return changed + deleteOthers.run(clientId, JSON.stringify(invoices.map((i) => i.id))).changes;
    },
    removeForClient(clientId: string): void {
      removeForClient.run(clientId);
    },
    get(id: string): Invoice | null {
      const row = byId.get(id);
      return row ? fromRow(row) : null;
    },
    awaitsTopUpInvoice(clientId: string): boolean {
      return awaitsTopUpInvoice.get(clientId)?.awaits === 1;
    },
    /** Invoiced amounts between two instants (ISO, end excluded), for top-ups and for plans, per currency. */
    spendBetween(from: string, to: string): { topUp: boolean; money: Money }[] {
      return spendBetween.all(from, to).map((row) => ({
        topUp: row.topUp === 1,
        money: { amount: row.amount, currency: row.currency },
      }));
    },
    /** Newest first, as the billing service lists them. */
    listForClient(clientId: string): Invoice[] {
      return listForClient.all(clientId).map(fromRow);
    },
  };
}

export type InvoicesRepo = ReturnType<typeof createInvoicesRepo>;
