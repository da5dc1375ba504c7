import { z } from 'zod';
import { InvoiceLine, type Invoice } from '../../shared/api/billing-api';
import { formatInvoiceNumber, uniqueInvoicePrefix } from '../../shared/domain/invoice-number';
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
  const selectSequence = db.prepare('SELECT prefix, last_number FROM invoice_sequences WHERE client_id = ?');
  const selectPrefixes = db.prepare('SELECT prefix FROM invoice_sequences');
  const countForClient = db.prepare('SELECT COUNT(*) AS n FROM invoices WHERE client_id = ?');
  const insertSequence = db.prepare(
    'INSERT INTO invoice_sequences (client_id, prefix, last_number) VALUES (?, ?, ?)',
  );
  const bumpSequence = db.prepare('UPDATE invoice_sequences SET last_number = ? WHERE client_id = ?');

  const updateStatus = db.prepare('UPDATE invoices SET status = ? WHERE id = ?');

  return {
    setStatus(id: string, status: Invoice['status']): void {
      updateStatus.run(status, id);
    },

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

    startSequence(clientId: string, prefix: string, lastNumber: number): void {
      insertSequence.run(clientId, prefix, lastNumber);
    },

    /**
     * The client's next invoice number. Stores seeded before numbering existed get a prefix on first use,
     * continuing from the number of invoices the client already has.
     */
    nextNumber(clientId: string, clientName: string): string {
      let sequence = selectSequence.get(clientId) as { prefix: string; last_number: number } | undefined;
      if (!sequence) {
        const taken = new Set((selectPrefixes.all() as { prefix: string }[]).map((row) => row.prefix));
        const count = (countForClient.get(clientId) as { n: number }).n;
        sequence = { prefix: uniqueInvoicePrefix(clientName, taken), last_number: count };
        insertSequence.run(clientId, sequence.prefix, sequence.last_number);
      }
      const next = sequence.last_number + 1;
      bumpSequence.run(next, clientId);
      return formatInvoiceNumber(sequence.prefix, next);
    },

    get(id: string): InvoiceRecord | null {
      const row = selectOne.get(id) as InvoiceRow | undefined;
      return row ? invoiceFromRow(row) : null;
    },
  };
}

export type InvoiceRepository = ReturnType<typeof createInvoiceRepository>;
