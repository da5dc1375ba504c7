import type { CheckoutSession, PaymentError, TopUp, TopUpStatus } from '../../shared/api/payments-api';
import type { TopUpKind } from '../../shared/domain/token-ledger';
import type { SandboxDb } from './open-store';

/** A top-up as stored: the wire shape plus what only the sandbox knows (kind, the card being charged). */
export interface TopUpRecord extends TopUp {
  kind: TopUpKind;
  card_number: string;
}

interface TopUpRow {
  id: string;
  client_id: string;
  kind: TopUpKind;
  pack_id: string;
  tokens: number;
  amount: number;
  currency: string;
  card_number: string;
  status: TopUpStatus;
  client_secret: string;
  error_code: string | null;
  decline_code: string | null;
  error_message: string | null;
  invoice_id: string | null;
  ledger_entry_id: string | null;
  created_at: string;
}

function topUpFromRow(row: TopUpRow): TopUpRecord {
  const open = row.status === 'requires_action' || row.status === 'requires_payment_method';
  return {
    id: row.id,
    client_id: row.client_id,
    kind: row.kind,
    pack_id: row.pack_id,
    tokens: row.tokens,
    amount: { amount: row.amount, currency: row.currency },
    card_number: row.card_number,
    status: row.status,
    client_secret: open || row.status === 'processing' ? row.client_secret : null,
    next_action: row.status === 'requires_action' ? { type: 'use_stripe_sdk' } : null,
    last_payment_error:
      row.error_code && row.error_message
        ? { code: row.error_code, decline_code: row.decline_code, message: row.error_message }
        : null,
    invoice_id: row.invoice_id,
    ledger_entry_id: row.ledger_entry_id,
    created_at: row.created_at,
  };
}

/** Strips the sandbox-only fields before a top-up goes on the wire. */
export function toWireTopUp({ kind: _kind, card_number: _card, ...topUp }: TopUpRecord): TopUp {
  return topUp;
}

export interface NewTopUp {
  id: string;
  clientId: string;
  kind: TopUpKind;
  packId: string;
  tokens: number;
  amount: number;
  currency: string;
  cardNumber: string;
  clientSecret: string;
  createdAt: string;
}

interface SessionRow {
  id: string;
  top_up_id: string;
  client_secret: string;
  status: CheckoutSession['status'];
  /** JSON of the card typed in while its authentication is pending. */
  pending_card: string | null;
  created_at: string;
}

export type CheckoutSessionRecord = SessionRow;

export function createTopUpRepository(db: SandboxDb) {
  const insert = db.prepare(
    `INSERT INTO top_ups (id, client_id, kind, pack_id, tokens, amount, currency, card_number, status, client_secret,
       created_at)
     VALUES (@id, @clientId, @kind, @packId, @tokens, @amount, @currency, @cardNumber, 'processing', @clientSecret,
       @createdAt)`,
  );
  const selectOne = db.prepare('SELECT * FROM top_ups WHERE id = ?');
  const selectBySecret = db.prepare('SELECT * FROM top_ups WHERE client_secret = ?');
  const insertKey = db.prepare(
    'INSERT INTO top_up_keys (agency_id, idempotency_key, top_up_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const selectByKey = db.prepare(
    `SELECT t.* FROM top_up_keys k JOIN top_ups t ON t.id = k.top_up_id
     WHERE k.agency_id = ? AND k.idempotency_key = ?
     ORDER BY k.created_at DESC, k.rowid DESC`,
  );
  const updateStatus = db.prepare(
    `UPDATE top_ups SET status = @status, card_number = @cardNumber, error_code = @code,
       decline_code = @declineCode, error_message = @message WHERE id = @id`,
  );
  const markSucceeded = db.prepare(
    `UPDATE top_ups SET status = 'succeeded', card_number = ?, error_code = NULL, decline_code = NULL,
       error_message = NULL, invoice_id = ?, ledger_entry_id = ? WHERE id = ?`,
  );
  const countReloads = db.prepare(
    `SELECT COUNT(*) AS n FROM top_ups
     WHERE client_id = ? AND kind = 'auto_reload' AND status = 'succeeded' AND created_at >= ?`,
  );
  const insertSession = db.prepare(
    `INSERT INTO checkout_sessions (id, top_up_id, client_secret, status, created_at)
     VALUES (?, ?, ?, 'open', ?)`,
  );
  const selectSession = db.prepare('SELECT * FROM checkout_sessions WHERE client_secret = ?');
  const setSession = db.prepare('UPDATE checkout_sessions SET status = ?, pending_card = ? WHERE id = ?');

  return {
    insert(topUp: NewTopUp): void {
      insert.run(topUp);
    },
    get(id: string): TopUpRecord | null {
      const row = selectOne.get(id) as TopUpRow | undefined;
      return row ? topUpFromRow(row) : null;
    },
    getBySecret(clientSecret: string): TopUpRecord | null {
      const row = selectBySecret.get(clientSecret) as TopUpRow | undefined;
      return row ? topUpFromRow(row) : null;
    },
    recordIdempotencyKey(agencyId: string, key: string, topUpId: string, createdAt: string): void {
      insertKey.run(agencyId, key, topUpId, createdAt);
    },
    /** Newest first. */
    listByIdempotencyKey(agencyId: string, key: string): TopUpRecord[] {
      return (selectByKey.all(agencyId, key) as TopUpRow[]).map(topUpFromRow);
    },
    setStatus(id: string, status: TopUpStatus, cardNumber: string, error: PaymentError | null): void {
      updateStatus.run({
        id,
        status,
        cardNumber,
        code: error?.code ?? null,
        declineCode: error?.decline_code ?? null,
        message: error?.message ?? null,
      });
    },
    markSucceeded(id: string, cardNumber: string, invoiceId: string, ledgerEntryId: string): void {
      markSucceeded.run(cardNumber, invoiceId, ledgerEntryId, id);
    },
    succeededReloadsSince(clientId: string, since: string): number {
      return (countReloads.get(clientId, since) as { n: number }).n;
    },
    insertSession(session: Pick<SessionRow, 'id' | 'top_up_id' | 'client_secret' | 'created_at'>): void {
      insertSession.run(session.id, session.top_up_id, session.client_secret, session.created_at);
    },
    getSession(clientSecret: string): CheckoutSessionRecord | null {
      return (selectSession.get(clientSecret) as SessionRow | undefined) ?? null;
    },
    setSession(id: string, status: SessionRow['status'], pendingCard: string | null): void {
      setSession.run(status, pendingCard, id);
    },
  };
}

export type TopUpRepository = ReturnType<typeof createTopUpRepository>;
