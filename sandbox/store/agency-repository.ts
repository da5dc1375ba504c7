import type { Me } from '../../shared/api/billing-api';
import { cardBrand, normalizeCardNumber } from '../../shared/domain/test-cards';
import type { SandboxDb } from './open-store';

/** The seeded saved card is Stripe's always-succeeding Visa test card. */
export const DEFAULT_CARD_NUMBER = '4242424242424242';

interface AgencyRow {
  id: string;
  name: string;
  user_id: string;
  user_name: string;
  user_email: string;
  card_brand: string | null;
  card_last4: string | null;
  card_exp_month: number | null;
  card_exp_year: number | null;
  stripe_publishable_key: string;
}

export function createAgencyRepository(db: SandboxDb) {
  const insert = db.prepare(
    `INSERT INTO agency (id, name, user_id, user_name, user_email, card_brand, card_last4, card_exp_month,
       card_exp_year, stripe_publishable_key)
     VALUES (@id, @name, @user_id, @user_name, @user_email, @card_brand, @card_last4, @card_exp_month,
       @card_exp_year, @stripe_publishable_key)`,
  );
  const select = db.prepare('SELECT * FROM agency LIMIT 1');
  const selectCardNumber = db.prepare('SELECT number FROM saved_card LIMIT 1');
  const upsertCardNumber = db.prepare(
    `INSERT INTO saved_card (agency_id, number) VALUES (?, ?)
     ON CONFLICT (agency_id) DO UPDATE SET number = excluded.number`,
  );
  const updateCard = db.prepare(
    'UPDATE agency SET card_brand = ?, card_last4 = ?, card_exp_month = ?, card_exp_year = ? WHERE id = ?',
  );
  const selectDecline = db.prepare('SELECT at, message FROM card_declines LIMIT 1');
  const upsertDecline = db.prepare(
    `INSERT INTO card_declines (agency_id, at, message) VALUES (?, ?, ?)
     ON CONFLICT (agency_id) DO UPDATE SET at = excluded.at, message = excluded.message`,
  );
  const deleteDecline = db.prepare('DELETE FROM card_declines');

  return {
    insert(me: Me): void {
      insert.run({
        id: me.agency.id,
        name: me.agency.name,
        user_id: me.user.id,
        user_name: me.user.name,
        user_email: me.user.email,
        card_brand: me.card?.brand ?? null,
        card_last4: me.card?.last4 ?? null,
        card_exp_month: me.card?.exp_month ?? null,
        card_exp_year: me.card?.exp_year ?? null,
        stripe_publishable_key: me.stripe_publishable_key,
      } satisfies AgencyRow);
    },

    /** The full test number of the saved card, which decides how charges to it turn out. */
    savedCardNumber(): string {
      const row = selectCardNumber.get() as { number: string } | undefined;
      return row?.number ?? DEFAULT_CARD_NUMBER;
    },

    setCard(number: string, expMonth: number, expYear: number): void {
      const digits = normalizeCardNumber(number);
      const agencyId = this.get().agency.id;
      upsertCardNumber.run(agencyId, digits);
      updateCard.run(cardBrand(digits), digits.slice(-4), expMonth, expYear, agencyId);
      deleteDecline.run();
    },

    /** The saved card was declined (a purchase or an Auto Reload): every client's charges now fail on it. */
    recordCardDecline(at: string, message: string): void {
      upsertDecline.run(this.get().agency.id, at, message);
    },

    clearCardDecline(): void {
      deleteDecline.run();
    },

    get(): Me {
      const row = select.get() as AgencyRow | undefined;
      if (!row) throw new Error('The sandbox store has no agency; it was never seeded');
      const card =
        row.card_brand && row.card_last4 && row.card_exp_month && row.card_exp_year
          ? {
              brand: row.card_brand,
              last4: row.card_last4,
              exp_month: row.card_exp_month,
              exp_year: row.card_exp_year,
            }
          : null;
      return {
        agency: { id: row.id, name: row.name },
        user: { id: row.user_id, name: row.user_name, email: row.user_email },
        card,
        stripe_publishable_key: row.stripe_publishable_key,
        card_declined: (selectDecline.get() as { at: string; message: string } | undefined) ?? null,
      };
    },
  };
}

export type AgencyRepository = ReturnType<typeof createAgencyRepository>;
