import type Database from 'better-sqlite3';
import { CardDeclined, type Me } from '../../../../shared/api/billing-api';

interface AccountRow {
  agency_id: string;
  agency_name: string;
  user_id: string;
  user_name: string;
  user_email: string;
  card_brand: string | null;
  card_last4: string | null;
  card_exp_month: number | null;
  card_exp_year: number | null;
  stripe_publishable_key: string;
  hosted_invoice_origin: string | null;
  card_declined_json: string | null;
}

const DATA_COLUMNS = [
  'agency_id',
  'agency_name',
  'user_id',
  'user_name',
  'user_email',
  'card_brand',
  'card_last4',
  'card_exp_month',
  'card_exp_year',
  'stripe_publishable_key',
  'hosted_invoice_origin',
  'card_declined_json',
] as const satisfies readonly (keyof AccountRow)[];

// A single row (id = 1); identical data leaves `changes` at 0.
const SAVE_SQL = `
INSERT INTO account (id, ${DATA_COLUMNS.join(', ')})
VALUES (1, ${DATA_COLUMNS.map((c) => `@${c}`).join(', ')})
ON CONFLICT (id) DO UPDATE SET ${DATA_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
WHERE (${DATA_COLUMNS.map((c) => `account.${c}`).join(', ')})
  IS NOT (${DATA_COLUMNS.map((c) => `excluded.${c}`).join(', ')})`;

function toRow(me: Me): AccountRow {
  return {
    agency_id: me.agency.id,
    agency_name: me.agency.name,
    user_id: me.user.id,
    user_name: me.user.name,
    user_email: me.user.email,
    card_brand: me.card?.brand ?? null,
    card_last4: me.card?.last4 ?? null,
    card_exp_month: me.card?.exp_month ?? null,
    card_exp_year: me.card?.exp_year ?? null,
    stripe_publishable_key: me.stripe_publishable_key,
    hosted_invoice_origin: me.hosted_invoice_origin ?? null,
    card_declined_json: me.card_declined ? JSON.stringify(me.card_declined) : null,
  };
}

function fromRow(row: AccountRow): Me {
  const hasCard =
    row.card_brand !== null &&
    row.card_last4 !== null &&
    row.card_exp_month !== null &&
    row.card_exp_year !== null;
  return {
    agency: { id: row.agency_id, name: row.agency_name },
    user: { id: row.user_id, name: row.user_name, email: row.user_email },
    card: hasCard
      ? {
          brand: row.card_brand as string,
          last4: row.card_last4 as string,
          exp_month: row.card_exp_month as number,
          exp_year: row.card_exp_year as number,
        }
      : null,
    stripe_publishable_key: row.stripe_publishable_key,
    hosted_invoice_origin: row.hosted_invoice_origin,
    card_declined: row.card_declined_json ? CardDeclined.parse(JSON.parse(row.card_declined_json)) : null,
  };
}

export function createAccountRepo(db: Database.Database) {
  const save = db.prepare<AccountRow>(SAVE_SQL);
  const read = db.prepare<[], AccountRow>(`SELECT ${DATA_COLUMNS.join(', ')} FROM account WHERE id = 1`);
  return {
    /** Returns true when the stored account changed. */
    save(me: Me): boolean {
      return save.run(toRow(me)).changes > 0;
    },
    get(): Me | null {
      const row = read.get();
      return row ? fromRow(row) : null;
    },
  };
}

export type AccountRepo = ReturnType<typeof createAccountRepo>;
