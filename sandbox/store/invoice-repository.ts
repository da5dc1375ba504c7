import { z } from 'zod';
import { InvoiceLine, type Invoice } from '../../shared/api/billing-api';
import type { SandboxDb } from './open-store';

/** An invoice as stored: the hosted URL depends on where the sandbox listens, so it is added when served. */
export type InvoiceRecord = Omit<Invoice, 'hosted_url'>;

interface InvoiceRow {
  id: string;
  client_id: string;
  number: string;
  created_at: string;
  description: string;
  amount: number;
  currency: string;
  status: Invoice['status'];
  lines_json: string;
  top_up_id: string | null;
}

const StoredLines = z.array(InvoiceLine);

function invoiceFromRow(row: InvoiceRow): InvoiceRecord {
  return {
    id: row.id,
    client_id: row.client_id,
    number: row.number,
    created_at: row.created_at,
    description: row.description,
    amount: { amount: row.amount, currency: row.currency },
    status: row.status,
    lines: StoredLines.parse(JSON.parse(row.lines_json)),
    top_up_id: row.top_up_id,
  };
}

export interface InvoicePosition {
  createdAt: string;
  id: string;
}

export function createInvoiceRepository(db: SandboxDb) {
  const insert = db.prepare(
    `INSERT INTO invoices (id, client_id, number, created_at, description, amount, currency, status, lines_json,
       top_up_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectFirst = db.prepare(
    'SELECT * FROM invoices WHERE client_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  );
  const selectAfter = db.prepare(
    `SELECT * FROM invoices WHERE client_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
     ORDER BY created_at DESC, id DESC LIMIT ?`,
  );
  const selectOne = db.prepare('SELECT * FROM invoices WHERE id = ?');

  return {
    insert(invoice: InvoiceRecord): void {
      insert.run(
        invoice.id,
        invoice.client_id,
        invoice.number,
        invoice.created_at,
        invoice.description,
        invoice.amount.amount,
        invoice.amount.currency,
        invoice.status,
        JSON.stringify(invoice.lines),
        invoice.top_up_id,
      );
    },

    /** Newest first, strictly after `after` in that order. */
    page(clientId: string, after: InvoicePosition | null, limit: number): InvoiceRecord[] {
      const rows = after
        ? selectAfter.all(clientId, after.createdAt, after.createdAt, after.id, limit)
        : selectFirst.all(clientId, limit);
      return (rows as InvoiceRow[]).map(invoiceFromRow);
    },

    get(id: string): InvoiceRecord | null {
      const row = selectOne.get(id) as InvoiceRow | undefined;
      return row ? invoiceFromRow(row) : null;
    },
  };
}

export type InvoiceRepository = ReturnType<typeof createInvoiceRepository>;
