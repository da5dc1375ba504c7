/**
 * What the Stripe.js stand-in talks to under /stripe/*: its script, its pages
 * and the JSON endpoints those pages call. No bearer token: as with Stripe, the
 * unguessable client secret is the capability. Served in sandbox mode only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Billing } from '../billing/create-billing';
import { CheckoutCard, type CheckoutResult } from '../billing/checkout-service';
import type { TopUpOutcome } from '../billing/top-up-service';
import { ApiError, invalidRequest } from '../http/api-error';
import { readJsonBody } from '../http/request-guards';
import { sendJson } from '../http/responses';
import { describeIssues } from '../http/router';
import type { SandboxDb } from '../store/open-store';
import type { Repositories } from '../store/repositories';
import type { TopUpRecord } from '../store/top-up-repository';
import { AUTHENTICATE_PAGE_SCRIPT, CHECKOUT_PAGE_SCRIPT } from './page-scripts';
import { renderAuthenticationPage, renderCheckoutPage } from './standin-pages';
import { STRIPE_JS_STANDIN } from './stripe-js-script';

export interface StandinContext {
  db: SandboxDb;
  repositories: Repositories;
  billing: Billing;
}

const AuthenticateBody = z.strictObject({
  client_secret: z.string().min(1),
  result: z.enum(['complete', 'fail']),
});
const CheckoutConfirmBody = z.strictObject({ client_secret: z.string().min(1), card: CheckoutCard });

// No frame-ancestors: the app frames these pages from http, file or custom-scheme origins, which '*' would not match.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'";

function send(
  res: ServerResponse,
  status: number,
  type: string,
  text: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(text);
}

/** A top-up as Stripe.js reports a PaymentIntent. */
export function paymentIntentOf(topUp: TopUpRecord) {
  const error = topUp.last_payment_error;
  return {
    id: topUp.id,
    object: 'payment_intent',
    amount: topUp.amount.amount,
    currency: topUp.amount.currency.toLowerCase(),
    status: topUp.status,
    client_secret: topUp.client_secret,
    created: Math.floor(Date.parse(topUp.created_at) / 1000),
    next_action: topUp.next_action,
    last_payment_error: error ? { type: 'card_error', ...error } : null,
  };
}

/** The Stripe.js result for a PaymentIntent after authentication: `{ paymentIntent }` or `{ error }`. */
function authenticationResult({ topUp }: TopUpOutcome) {
  const paymentIntent = paymentIntentOf(topUp);
  if (topUp.status === 'succeeded') return { payment_intent: paymentIntent };
  const error = topUp.last_payment_error;
  return {
    error: {
      type: 'invalid_request_error',
      code: error?.code ?? 'payment_intent_unexpected_state',
      message: error?.message ?? `The payment is ${topUp.status}.`,
      payment_intent: paymentIntent,
    },
  };
}

function checkoutJson(result: CheckoutResult) {
  return result.status === 'declined'
    ? { status: 'declined', error: { type: 'card_error', ...result.error } }
    : result;
}

async function parse<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.output<T>> {
  const parsed = schema.safeParse(await readJsonBody(req));
  if (!parsed.success) throw invalidRequest(`Invalid body: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function createStandinDispatch(ctx: StandinContext) {
  const { repositories: repos, billing } = ctx;
  const inTransaction = <T>(run: () => T): T => ctx.db.transaction(run).immediate();

  const authenticationPage = (clientSecret: string): string | null => {
    const topUp = repos.topUps.getBySecret(clientSecret);
    if (!topUp) return null;
    const settled =
      topUp.status === 'requires_action' ? null : authenticationResult({ topUp, ledgerEntry: null });
    const result =
      settled && ('payment_intent' in settled ? { paymentIntent: settled.payment_intent } : settled);
    return renderAuthenticationPage({ amount: topUp.amount, settled: result });
  };

  const checkoutPage = (clientSecret: string): string | null => {
    const setup = repos.setupSessions.get(clientSecret);
    if (setup) {
      return renderCheckoutPage({
        merchant: repos.agency.get().agency.name,
        purpose: { kind: 'setup' },
        complete: setup.status === 'complete',
      });
    }
    const session = repos.topUps.getSession(clientSecret);
    const topUp = session && repos.topUps.get(session.top_up_id);
    const client = topUp && repos.clients.get(topUp.client_id);
    if (!session || !topUp || !client) return null;
    return renderCheckoutPage({
      merchant: repos.agency.get().agency.name,
      purpose: { kind: 'payment', clientName: client.name, tokens: topUp.tokens, amount: topUp.amount },
      complete: session.status === 'complete' || topUp.status === 'succeeded',
    });
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const route = `${req.method ?? ''} ${url.pathname}`;
    const secret = url.searchParams.get('client_secret') ?? '';
    switch (route) {
      case 'GET /stripe/v3.js':
        return send(res, 200, 'text/javascript', STRIPE_JS_STANDIN, { 'Access-Control-Allow-Origin': '*' });
      case 'GET /stripe/assets/authenticate.js':
        return send(res, 200, 'text/javascript', AUTHENTICATE_PAGE_SCRIPT);
      case 'GET /stripe/assets/checkout.js':
        return send(res, 200, 'text/javascript', CHECKOUT_PAGE_SCRIPT);
      case 'GET /stripe/authenticate':
      case 'GET /stripe/checkout': {
        const html = route === 'GET /stripe/checkout' ? checkoutPage(secret) : authenticationPage(secret);
        if (html === null) return send(res, 404, 'text/plain', 'Unknown or expired client secret');
        return send(res, 200, 'text/html', html, { 'Content-Security-Policy': PAGE_CSP });
      }
      case 'POST /stripe/v1/payment_intents/authenticate': {
        const body = await parse(req, AuthenticateBody);
        return sendJson(
          res,
          200,
          authenticationResult(
            inTransaction(() => billing.topUps.authenticate(body.client_secret, body.result)),
          ),
        );
      }
      case 'POST /stripe/v1/checkout_sessions/confirm': {
        const body = await parse(req, CheckoutConfirmBody);
        const flow = billing.setup.isSetupSecret(body.client_secret) ? billing.setup : billing.checkout;
        return sendJson(
          res,
          200,
          checkoutJson(inTransaction(() => flow.confirm(body.client_secret, body.card))),
        );
      }
      case 'POST /stripe/v1/checkout_sessions/authenticate': {
        const body = await parse(req, AuthenticateBody);
        const flow = billing.setup.isSetupSecret(body.client_secret) ? billing.setup : billing.checkout;
        return sendJson(
          res,
          200,
          checkoutJson(inTransaction(() => flow.authenticate(body.client_secret, body.result))),
        );
      }
      default:
        throw new ApiError(404, 'not_found', `No Stripe stand-in route ${route}`, { code: 'unknown_route' });
    }
  };
}
