import type Database from 'better-sqlite3';
import type { Money } from '../../../../shared/api/primitives';
import type { BalanceSplit, SavedCard } from '../../../../shared/ipc/models';
import type {
  PurchaseAnswer,
  PurchasePaymentError,
  PurchaseState,
} from '../../../../shared/ipc/purchase-models';
import { JOURNAL_OPEN_STATES_SQL } from './journal-schema';

/**
 * The app's own record of each manual top-up, written before every step is
 * acted on, so a crash between paying and hearing back is settled with the
 * same idempotency key. Every change is a compare-and-set on the state it was
 * decided from: a writer that lost a race changes nothing and sees the winner.
 */
export const OPEN_PURCHASE_STATES = [
  'pending',
  'processing',
  'requires_action',
  'requires_payment_method',
  'needs_review',
] as const satisfies readonly PurchaseState[];

/** The billing backend (session owner) and agency a purchase was made with. */
export interface Workspace {
  owner: string;
  agencyId: string;
}

export interface PurchaseRecord {
  id: string;
  workspace: Workspace;
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
  lastAnswer: PurchaseAnswer | null;
  createdAt: string;
  updatedAt: string;
}

export type NewPurchase = Pick<
  PurchaseRecord,
  'id' | 'workspace' | 'clientId' | 'clientName' | 'packId' | 'tokens' | 'amount' | 'idempotencyKey' | 'card'
>;

export type PurchaseChange = Partial<
  Pick<
    PurchaseRecord,
    | 'state'
    | 'amount'
    | 'topUpId'
    | 'clientSecret'
    | 'paymentError'
    | 'card'
    | 'balanceAfter'
    | 'invoiceId'
    | 'lastAnswer'
  >
>;

interface PurchaseRow {
  id: string;
  workspace_owner: string;
  agency_id: string;
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
  answer_at: string | null;
  answer_detail: string | null;
  answer_advice: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = [
  'id',
  'workspace_owner',
  'agency_id',
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
  'answer_at',
  'answer_detail',
  'answer_advice',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof PurchaseRow)[];

/** What a change may never rewrite: who, what and the key are fixed when the purchase is recorded. */
const FIXED_COLUMNS = new Set<string>([
  'id',
  'workspace_owner',
  'agency_id',
  'client_id',
  'pack_id',
  'idempotency_key',
  'created_at',
]);

function cardOf(row: PurchaseRow): SavedCard | null {
  if (row.card_brand === null || row.card_last4 === null) return null;
  if (row.card_exp_month === null || row.card_exp_year === null) return null;
  return {
    brand: row.card_brand,
    last4: row.card_last4,
    expMonth: row.card_exp_month,
    expYear: row.card_exp_year,
  };
}

function fromRow(row: PurchaseRow): PurchaseRecord {
  const balanceAfter =
    row.balance_total !== null && row.balance_plan !== null && row.balance_top_up !== null
      ? { total: row.balance_total, plan: row.balance_plan, topUp: row.balance_top_up }
      : null;
  return {
    id: row.id,
    workspace: { owner: row.workspace_owner, agencyId: row.agency_id },
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
    card: cardOf(row),
    balanceAfter,
    invoiceId: row.invoice_id,
    lastAnswer:
      row.answer_at !== null && row.answer_detail !== null && row.answer_advice !== null
        ? { at: row.answer_at, detail: row.answer_detail, advice: row.answer_advice }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(record: PurchaseRecord): PurchaseRow {
  return {
    id: record.id,
    workspace_owner: record.workspace.owner,
    agency_id: record.workspace.agencyId,
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
    answer_at: record.lastAnswer?.at ?? null,
    answer_detail: record.lastAnswer?.detail ?? null,
    answer_advice: record.lastAnswer?.advice ?? null,
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
    `INSERT INTO journal.purchases (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const compareAndSet = db.prepare<PurchaseRow & { expected_state: string }>(
    `UPDATE journal.purchases SET ${COLUMNS.filter((c) => !FIXED_COLUMNS.has(c))
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id AND state = @expected_state`,
  );
  const byId = db.prepare<[string], PurchaseRow>('SELECT * FROM journal.purchases WHERE id = ?');
  const openForClient = db.prepare<[string, string, string], PurchaseRow>(
    `SELECT * FROM journal.purchases WHERE workspace_owner = ? AND agency_id = ? AND client_id = ?
       AND state IN (${JOURNAL_OPEN_STATES_SQL})`,
  );
  const unfinished = db.prepare<[string, string], PurchaseRow>(
    `SELECT * FROM journal.purchases WHERE workspace_owner = ? AND agency_id = ?
       AND state IN (${JOURNAL_OPEN_STATES_SQL}) ORDER BY created_at, id`,
  );
  const adopt = db.prepare<[string, string]>(
    `UPDATE journal.purchases SET workspace_owner = ?, agency_id = ? WHERE workspace_owner = '' OR agency_id = ''`,
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
        lastAnswer: null,
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
    /** The client's one unfinished purchase in this workspace, if any. */
    openForClient(workspace: Workspace, clientId: string): PurchaseRecord | null {
      const row = openForClient.get(workspace.owner, workspace.agencyId, clientId);
      return row ? fromRow(row) : null;
    },
    /** Every unfinished purchase of this workspace, oldest first. */
    unfinished(workspace: Workspace): PurchaseRecord[] {
      return unfinished.all(workspace.owner, workspace.agencyId).map(fromRow);
    },
    /** Rows copied from a cache that never knew its workspace join the one the app now works in. */
    adoptUnowned(workspace: Workspace): number {
      return adopt.run(workspace.owner, workspace.agencyId).changes;
    },
    /**
     * Writes `change` only if the purchase is still in `expected` state; returns
     * the purchase as it now is and whether this change was the one applied.
     */
    update(
      id: string,
      expected: PurchaseState,
      change: PurchaseChange,
    ): { record: PurchaseRecord; applied: boolean } {
      const current = this.get(id);
      if (!current) throw new Error(`No purchase ${id} in the journal`);
      if (current.state !== expected) return { record: current, applied: false };
      const next: PurchaseRecord = { ...current, ...change, updatedAt: now().toISOString() };
      const { changes } = compareAndSet.run({ ...toRow(next), expected_state: expected });
      if (changes === 0) return { record: this.get(id) ?? current, applied: false };
      return { record: next, applied: true };
    },
  };
}

export type PurchaseJournalRepo = ReturnType<typeof createPurchaseJournalRepo>;
