import type Database from 'better-sqlite3';
import type { Money } from '../../../../shared/api/primitives';
import type { BalanceSplit, SavedCard } from '../../../../shared/ipc/models';
import type { PurchasePaymentError, PurchaseState } from '../../../../shared/ipc/purchase-models';

/**
 * The app's own record of each manual top-up, written before every step is
 * acted on, so a crash between paying and hearing back is reconciled with the
 * same idempotency key. Open states are guarded by a partial UNIQUE index.
 */
export const OPEN_PURCHASE_STATES = [
  'pending',
  'processing',
  'requires_action',
  'requires_payment_method',
] as const satisfies readonly PurchaseState[];

export interface PurchaseRecord {
  id: string;
  clientId: string;
  clientName: string;
  packId: string;
  tokens: number;
  amount: Money;
  idempotencyKey: string;
  state: PurchaseState;
  topUpId: string | null;
  clientSecret: string | null;
  paymentError: PurchasePaymentError | null;
  card: SavedCard | null;
  balanceAfter: BalanceSplit | null;
  invoiceId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewPurchase = Pick<
  PurchaseRecord,
  'id' | 'clientId' | 'clientName' | 'packId' | 'tokens' | 'amount' | 'idempotencyKey' | 'card'
>;

export type PurchaseChange = Partial<
  Pick<
    PurchaseRecord,
    'state' | 'topUpId' | 'clientSecret' | 'paymentError' | 'card' | 'balanceAfter' | 'invoiceId'
  >
>;

interface PurchaseRow {
  id: string;
  client_id: string;
  client_name: string;
  pack_id: string;
  tokens: number;
  amount: number;
  currency: string;
  idempotency_key: string;
  state: string;
  top_up_id: string | null;
  client_secret: string | null;
  error_code: string | null;
  decline_code: string | null;
  error_message: string | null;
  card_brand: string | null;
  card_last4: string | null;
  card_exp_month: number | null;
  card_exp_year: number | null;
  balance_total: number | null;
  balance_plan: number | null;
  balance_top_up: number | null;
  invoice_id: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = [
  'id',
  'client_id',
  'client_name',
  'pack_id',
  'tokens',
  'amount',
  'currency',
  'idempotency_key',
  'state',
  'top_up_id',
  'client_secret',
  'error_code',
  'decline_code',
  'error_message',
  'card_brand',
  'card_last4',
  'card_exp_month',
  'card_exp_year',
  'balance_total',
  'balance_plan',
  'balance_top_up',
  'invoice_id',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof PurchaseRow)[];

const OPEN_SQL = OPEN_PURCHASE_STATES.map((state) => `'${state}'`).join(', ');

function fromRow(row: PurchaseRow): PurchaseRecord {
  const card =
    row.card_brand !== null &&
    row.card_last4 !== null &&
    row.card_exp_month !== null &&
    row.card_exp_year !== null
      ? {
          brand: row.card_brand,
          last4: row.card_last4,
          expMonth: row.card_exp_month,
          expYear: row.card_exp_year,
        }
      : null;
  const balanceAfter =
    row.balance_total !== null && row.balance_plan !== null && row.balance_top_up !== null
      ? { total: row.balance_total, plan: row.balance_plan, topUp: row.balance_top_up }
      : null;
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    packId: row.pack_id,
    tokens: row.tokens,
    amount: { amount: row.amount, currency: row.currency },
    idempotencyKey: row.idempotency_key,
    state: row.state as PurchaseState,
    topUpId: row.top_up_id,
    clientSecret: row.client_secret,
    paymentError:
      row.error_code !== null && row.error_message !== null
        ? { code: row.error_code, declineCode: row.decline_code, message: row.error_message }
        : null,
    card,
    balanceAfter,
    invoiceId: row.invoice_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(record: PurchaseRecord): PurchaseRow {
  return {
    id: record.id,
    client_id: record.clientId,
    client_name: record.clientName,
    pack_id: record.packId,
    tokens: record.tokens,
    amount: record.amount.amount,
    currency: record.amount.currency,
    idempotency_key: record.idempotencyKey,
    state: record.state,
    top_up_id: record.topUpId,
    client_secret: record.clientSecret,
    error_code: record.paymentError?.code ?? null,
    decline_code: record.paymentError?.declineCode ?? null,
    error_message: record.paymentError?.message ?? null,
    card_brand: record.card?.brand ?? null,
    card_last4: record.card?.last4 ?? null,
    card_exp_month: record.card?.expMonth ?? null,
    card_exp_year: record.card?.expYear ?? null,
    balance_total: record.balanceAfter?.total ?? null,
    balance_plan: record.balanceAfter?.plan ?? null,
    balance_top_up: record.balanceAfter?.topUp ?? null,
    invoice_id: record.invoiceId,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
  };
}

/** True for the error SQLite raises when a second open purchase for a client is inserted. */
export function isOpenPurchaseConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createPurchaseJournalRepo(db: Database.Database, now: () => Date = () => new Date()) {
  const insert = db.prepare<PurchaseRow>(
    `INSERT INTO purchase_journal (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const write = db.prepare<PurchaseRow>(
    `UPDATE purchase_journal SET ${COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id`,
  );
  const byId = db.prepare<[string], PurchaseRow>('SELECT * FROM purchase_journal WHERE id = ?');
  const openForClient = db.prepare<[string], PurchaseRow>(
    `SELECT * FROM purchase_journal WHERE client_id = ? AND state IN (${OPEN_SQL})`,
  );
  const unfinished = db.prepare<[], PurchaseRow>(
    `SELECT * FROM purchase_journal WHERE state IN (${OPEN_SQL}) ORDER BY created_at, id`,
  );

  return {
    /** Records a purchase before anything is sent. Throws (see isOpenPurchaseConflict) if the client has one open. */
    insertPending(purchase: NewPurchase): PurchaseRecord {
      const at = now().toISOString();
      const record: PurchaseRecord = {
        ...purchase,
        state: 'pending',
        topUpId: null,
        clientSecret: null,
        paymentError: null,
        balanceAfter: null,
        invoiceId: null,
        createdAt: at,
        updatedAt: at,
      };
      insert.run(toRow(record));
      return record;
    },
    get(id: string): PurchaseRecord | null {
      const row = byId.get(id);
      return row ? fromRow(row) : null;
    },
    /** The client's one unfinished purchase, if any. */
    openForClient(clientId: string): PurchaseRecord | null {
      const row = openForClient.get(clientId);
      return row ? fromRow(row) : null;
    },
    /** Every unfinished purchase, oldest first. */
    unfinished(): PurchaseRecord[] {
      return unfinished.all().map(fromRow);
    },
    /** Writes a change (callers commit it before acting on it); throws if the purchase is gone. */
    update(id: string, change: PurchaseChange): PurchaseRecord {
      const current = this.get(id);
      if (!current) throw new Error(`No purchase ${id} in the journal`);
      const next: PurchaseRecord = { ...current, ...change, updatedAt: now().toISOString() };
      write.run(toRow(next));
      return next;
    },
  };
}

export type PurchaseJournalRepo = ReturnType<typeof createPurchaseJournalRepo>;
