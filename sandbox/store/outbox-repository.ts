import type { SandboxDb } from './open-store';

/** A billing confirmation email the sandbox "sent", as GET /sandbox/outbox lists it. */
export interface EmailRecord {
  id: string;
  top_up_id: string;
  invoice_id: string;
  invoice_number: string;
  client_id: string;
  to: string;
  subject: string;
  body: string;
  pack_id: string;
  tokens: number;
  amount: { amount: number; currency: string };
  created_at: string;
}

interface EmailRow extends Omit<EmailRecord, 'to' | 'amount'> {
  to_address: string;
  amount: number;
  currency: string;
}

export function createOutboxRepository(db: SandboxDb) {
  const insert = db.prepare(
    `INSERT INTO outbox (id, top_up_id, invoice_id, client_id, to_address, subject, body, pack_id, tokens, amount,
       currency, invoice_number, created_at)
     VALUES (@id, @top_up_id, @invoice_id, @client_id, @to_address, @subject, @body, @pack_id, @tokens, @amount,
       @currency, @invoice_number, @created_at)`,
  );
  const selectAll = db.prepare('SELECT * FROM outbox ORDER BY created_at, id');

  return {
    insert({ to, amount, ...email }: EmailRecord): void {
      insert.run({ ...email, to_address: to, amount: amount.amount, currency: amount.currency });
    },
    list(): EmailRecord[] {
      return (selectAll.all() as EmailRow[]).map(({ to_address, amount, currency, ...row }) => ({
        ...row,
        to: to_address,
        amount: { amount, currency },
      }));
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
