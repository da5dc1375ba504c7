/** The HTML of the stand-in's test authentication page and Embedded Checkout form. */
import { formatInteger, formatMoney } from '../../shared/domain/format';
import type { Money } from '../../shared/api/primitives';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; margin: 0; padding: 24px; }
  h1 { font-size: 19px; margin: 0 0 8px; }
  h2 { font-size: 17px; margin: 0 0 8px; }
  .muted { color: #616e7c; }
  .total { font-size: 24px; font-weight: 600; margin: 4px 0 20px; }
  label { display: block; font-size: 13px; font-weight: 500; margin: 12px 0 4px; }
  input { box-sizing: border-box; width: 100%; font: inherit; padding: 9px 11px; border: 1px solid #cbd2d9;
    border-radius: 6px; }
  .row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  button { font: inherit; font-weight: 600; border: 0; border-radius: 6px; padding: 10px 16px; cursor: pointer;
    background: #635bff; color: #fff; margin-top: 16px; }
  button.secondary { background: #e4e7eb; color: #1f2933; }
  button[disabled] { opacity: 0.6; cursor: default; }
  form button { width: 100%; }
  [role="alert"] { color: #b42318; min-height: 1.5em; margin-top: 10px; }
  .badge { display: inline-block; font-size: 12px; font-weight: 600; background: #fff4e5; color: #8a4b00;
    border-radius: 999px; padding: 2px 10px; margin-bottom: 12px; }
`;

function page(title: string, body: string, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script src="${script}"></script>
</body>
</html>
`;
}

const AUTH_BUTTONS = `
  <button type="button" data-result="complete">Complete authentication</button>
  <button type="button" class="secondary" data-result="fail">Fail authentication</button>`;

const AUTH_TEXT =
  '<p class="muted">This test page stands in for the bank’s 3-D Secure challenge. Choose how it ends.</p>';

export interface AuthenticationView {
  amount: Money;
  /** When the payment no longer waits for authentication: the Stripe.js result to report at once. */
  settled: unknown;
}

export function renderAuthenticationPage(view: AuthenticationView): string {
  // `<` is escaped so the JSON cannot close the script element early.
  const settled =
    view.settled === null
      ? ''
      : `<script type="application/json" id="settled">${JSON.stringify(view.settled).replace(/</g, '\\u003c')}</script>`;
  return page(
    'Payment authentication',
    `<main>
  <span class="badge">Test mode</span>
  <h1>Test payment authentication</h1>
  ${AUTH_TEXT}
  <p>Amount: <strong>${escapeHtml(formatMoney(view.amount))}</strong></p>
  ${settled}${AUTH_BUTTONS}
</main>`,
    '/stripe/assets/authenticate.js',
  );
}

export interface CheckoutView {
  merchant: string;
  /** Paying one top-up, or (setup mode) saving a card for every later charge without paying anything now. */
  purpose: { kind: 'payment'; clientName: string; tokens: number; amount: Money } | { kind: 'setup' };
  complete: boolean;
}

function checkoutHeader(view: CheckoutView): string {
  const merchant = escapeHtml(view.merchant);
  if (view.purpose.kind === 'setup') {
    return `<h1>Save a card for ${merchant}</h1>
  <p class="muted">Nothing is charged now. The card pays every client's top-ups and Auto Reloads from now on.</p>`;
  }
  const { clientName, tokens, amount } = view.purpose;
  return `<h1>Pay ${merchant}</h1>
  <p class="muted">${escapeHtml(formatInteger(tokens))} tokens for ${escapeHtml(clientName)}</p>
  <p class="total">${escapeHtml(formatMoney(amount))}</p>`;
}

export function renderCheckoutPage(view: CheckoutView): string {
  const setup = view.purpose.kind === 'setup';
  return page(
    setup ? `Save a card for ${view.merchant}` : `Pay ${view.merchant}`,
    `<main>
  <span class="badge">Test mode</span>
  ${checkoutHeader(view)}
  <form id="checkout" novalidate${view.complete ? ' hidden' : ''}>
    <label for="card-number">Card number</label>
    <input id="card-number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234">
    <div class="row">
      <div><label for="card-expiry">Expiry</label>
        <input id="card-expiry" autocomplete="cc-exp" placeholder="MM / YY"></div>
      <div><label for="card-cvc">CVC</label>
        <input id="card-cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC"></div>
    </div>
    <div id="error" role="alert"></div>
    <button type="submit" id="pay">${setup ? 'Save card' : 'Pay'}</button>
  </form>
  <section id="authentication" hidden>
    <h2>Test payment authentication</h2>
    ${AUTH_TEXT}${AUTH_BUTTONS}
  </section>
  <section id="done"${view.complete ? '' : ' hidden'}>
    <h2>${setup ? 'Card saved' : 'Payment complete'}</h2>
    <p class="muted">${setup ? 'It pays for every client from now on.' : 'The card is saved for future top-ups.'}</p>
  </section>
</main>`,
    '/stripe/assets/checkout.js',
  );
}
