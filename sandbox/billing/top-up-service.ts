/**
 * Top-ups as Stripe PaymentIntents on the agency's saved card: charge, and on
 * success capture, credit, invoice and email in the caller's transaction. The
 * store's UNIQUE indexes make a second capture or credit of one top-up fail.
 */
import type { LedgerEntry, Pack } from '../../shared/api/billing-api';
import { PRICE_CHANGED, type PaymentError } from '../../shared/api/payments-api';
import type { Money } from '../../shared/api/primitives';
import { formatInteger, formatMoney } from '../../shared/domain/format';
import { samePrice } from '../../shared/domain/money';
import {
  cardBrand,
  cardOutcome,
  normalizeCardNumber,
  type CardOutcome,
} from '../../shared/domain/test-cards';
import { addTopUp, type TopUpKind } from '../../shared/domain/token-ledger';
import { ApiError, invalidRequest, notFound } from '../http/api-error';
import type { Repositories } from '../store/repositories';
import type { TopUpRecord } from '../store/top-up-repository';
import type { ClientBooks } from './client-books';
import { newClientSecret, newId } from './ids';
import type { SandboxClock } from './sandbox-clock';

export interface TopUpOutcome {
  topUp: TopUpRecord;
  ledgerEntry: LedgerEntry | null;
}

export const AUTHENTICATION_FAILURE: PaymentError = {
  code: 'payment_intent_authentication_failure',
  decline_code: null,
  message:
    'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
};

/** Off-session charges cannot show a challenge, so Stripe declines them when the bank asks for one. */
const OFF_SESSION_AUTHENTICATION: PaymentError = {
  code: 'authentication_required',
  decline_code: 'authentication_required',
  message: 'Your card was declined. This transaction requires authentication.',
};

function unexpectedState(topUp: TopUpRecord, why: string): ApiError {
  return new ApiError(409, 'conflict', `The payment ${topUp.id} cannot be charged: ${why}`, {
    code: 'payment_intent_unexpected_state',
  });
}

/** A charge is only made for the price the manager saw, so a price change in between charges nothing. */
function checkConfirmedPrice(pack: Pack, confirmed: Money | null): void {
  if (!confirmed) return;
  if (samePrice(confirmed, pack.price)) return;
  throw new ApiError(
    409,
    'conflict',
    `The price of the ${formatInteger(pack.tokens)}-token pack is now ${formatMoney(pack.price)} ` +
      `(you confirmed ${formatMoney(confirmed)}). Nothing was charged.`,
    { code: PRICE_CHANGED, currentPrice: pack.price },
  );
}

export function paymentErrorOf(outcome: Extract<CardOutcome, { kind: 'declined' }>): PaymentError {
  return { code: outcome.code, decline_code: outcome.declineCode, message: outcome.message };
}

export function createTopUpService(repos: Repositories, books: ClientBooks, clock: SandboxClock) {
  const requireTopUp = (id: string): TopUpRecord => {
    const topUp = repos.topUps.get(id);
    if (!topUp) throw notFound(`No top-up with id "${id}"`);
    return topUp;
  };

  const recordCharge = (topUp: TopUpRecord, cardNumber: string, error: PaymentError | null): void => {
    const digits = normalizeCardNumber(cardNumber);
    repos.charges.insert({
      id: newId('ch'),
      top_up_id: topUp.id,
      client_id: topUp.client_id,
      amount: topUp.amount,
      card: { brand: cardBrand(digits), last4: digits.slice(-4) },
      status: error ? 'failed' : 'succeeded',
      failure_code: error?.code ?? null,
      decline_code: error?.decline_code ?? null,
      created_at: clock.now().toISOString(),
    });
  };

  const ledgerEntryOf = (topUp: TopUpRecord): LedgerEntry | null =>
    repos.ledger.all(topUp.client_id).find((entry) => entry.id === topUp.ledger_entry_id) ?? null;

  /** Captures and credits; completing an already succeeded top-up again changes nothing. */
  const complete = (topUpId: string, cardNumber: string): TopUpOutcome => {
    const topUp = requireTopUp(topUpId);
    if (topUp.status === 'succeeded') return { topUp, ledgerEntry: ledgerEntryOf(topUp) };
    if (topUp.status === 'canceled') throw unexpectedState(topUp, 'it was canceled');
    const client = books.requireClient(topUp.client_id);
    const at = clock.now().toISOString();
    const label = topUp.kind === 'auto_reload' ? 'Auto reload' : 'Top-up';
    const tokens = formatInteger(topUp.tokens);
    recordCharge(topUp, cardNumber, null);
    if (normalizeCardNumber(cardNumber) === repos.agency.savedCardNumber()) repos.agency.clearCardDecline();
    const invoice = books.issueInvoice(client, {
      at,
      description: `${label}: ${tokens} tokens`,
      line: {
        description: `${tokens} token pack`,
        quantity: 1,
        amount: topUp.amount,
        unit_amount: topUp.amount,
        pack_id: topUp.pack_id,
        tokens: topUp.tokens,
      },
      topUpId: topUp.id,
    });
    const applied = addTopUp(books.state(client.id), {
      topUpId: topUp.id,
      kind: topUp.kind,
      tokens: topUp.tokens,
      at,
      invoiceId: invoice.id,
    });
    books.apply(client.id, applied);
    const entry = applied.entries[0] ?? null;
    if (!entry) throw new Error(`Crediting top-up ${topUp.id} wrote no ledger entry`);
    repos.topUps.markSucceeded(topUp.id, normalizeCardNumber(cardNumber), invoice.id, entry.id);
    const me = repos.agency.get();
    repos.outbox.insert({
      id: newId('em'),
      top_up_id: topUp.id,
      invoice_id: invoice.id,
      invoice_number: invoice.number,
      client_id: client.id,
      to: me.user.email,
      subject: `${client.name}: ${tokens} tokens added (invoice ${invoice.number})`,
      body:
        `${label} for ${client.name}: ${tokens} token pack (${topUp.pack_id}), ` +
        `${formatMoney(topUp.amount)} charged. Invoice ${invoice.number}.`,
      pack_id: topUp.pack_id,
      tokens: topUp.tokens,
      amount: topUp.amount,
      created_at: at,
    });
    return { topUp: requireTopUp(topUp.id), ledgerEntry: entry };
  };

  /** A failed charge on `cardNumber`: the top-up waits for another payment method. */
  const decline = (topUp: TopUpRecord, cardNumber: string, error: PaymentError): TopUpOutcome => {
    recordCharge(topUp, cardNumber, error);
    if (normalizeCardNumber(cardNumber) === repos.agency.savedCardNumber()) {
      repos.agency.recordCardDecline(clock.now().toISOString(), error.message);
    }
    repos.topUps.setStatus(topUp.id, 'requires_payment_method', topUp.card_number, error);
    return { topUp: requireTopUp(topUp.id), ledgerEntry: null };
  };

  return {
    requireTopUp,
    complete,
    decline,

    create(clientId: string, packId: string, kind: TopUpKind, confirmedPrice: Money | null): TopUpOutcome {
      const client = books.requireClient(clientId);
      const pack = repos.catalog.getPack(packId);
      if (!pack) throw invalidRequest(`pack_id: no pack with id "${packId}"`, 'unknown_pack');
      checkConfirmedPrice(pack, confirmedPrice);
      const id = newId('tu');
      const cardNumber = repos.agency.savedCardNumber();
      repos.topUps.insert({
        id,
        clientId: client.id,
        kind,
        packId: pack.id,
        tokens: pack.tokens,
        amount: pack.price.amount,
        currency: pack.price.currency,
        cardNumber,
        clientSecret: newClientSecret(id),
        createdAt: clock.now().toISOString(),
      });
      const topUp = requireTopUp(id);
      const outcome = cardOutcome(cardNumber);
      if (outcome.kind === 'succeeded') return complete(id, cardNumber);
      if (outcome.kind === 'declined') return decline(topUp, cardNumber, paymentErrorOf(outcome));
      if (kind === 'auto_reload') return decline(topUp, cardNumber, OFF_SESSION_AUTHENTICATION);
      repos.topUps.setStatus(id, 'requires_action', cardNumber, null);
      return { topUp: requireTopUp(id), ledgerEntry: null };
    },

    /** Like Stripe's PaymentIntent cancel: nothing is charged; again is harmless; a paid one cannot be. */
    cancel(topUpId: string): TopUpRecord {
      const topUp = requireTopUp(topUpId);
      if (topUp.status === 'succeeded') throw unexpectedState(topUp, 'it has already succeeded');
      if (topUp.status !== 'canceled') repos.topUps.setStatus(topUp.id, 'canceled', topUp.card_number, null);
      return requireTopUp(topUp.id);
    },

    /** The result of the 3-D Secure challenge the Stripe.js stand-in showed for `clientSecret`. */
    authenticate(clientSecret: string, result: 'complete' | 'fail'): TopUpOutcome {
      const topUp = repos.topUps.getBySecret(clientSecret);
      if (!topUp) throw notFound('No payment is waiting for authentication with this client secret');
      if (topUp.status === 'succeeded') return { topUp, ledgerEntry: ledgerEntryOf(topUp) };
      if (topUp.status !== 'requires_action') {
        throw new ApiError(
          409,
          'conflict',
          `The payment is ${topUp.status}, not waiting for authentication`,
          {
            code: 'payment_intent_unexpected_state',
          },
        );
      }
      if (result === 'complete') return complete(topUp.id, topUp.card_number);
      repos.topUps.setStatus(topUp.id, 'requires_payment_method', topUp.card_number, AUTHENTICATION_FAILURE);
      return { topUp: requireTopUp(topUp.id), ledgerEntry: null };
    },
  };
}

export type TopUpService = ReturnType<typeof createTopUpService>;
