/** Scripts of the stand-in's pages, served from the sandbox origin so the pages' CSP can stay 'self'. */

/** The 3-D Secure test page: reports the chosen result to the sandbox, then to the page that framed it. */
export const AUTHENTICATE_PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var clientSecret = new URLSearchParams(location.search).get('client_secret') || '';
  function report(result) {
    // The framing page passed us the client secret, so it may see the result whatever its origin.
    parent.postMessage({ source: 'stripe-standin', type: 'authentication_result', clientSecret: clientSecret,
      result: result }, '*');
  }
  var settled = document.getElementById('settled');
  if (settled) {
    report(JSON.parse(settled.textContent || '{}'));
    return;
  }
  var buttons = Array.prototype.slice.call(document.querySelectorAll('button[data-result]'));
  var sent = false;
  function send(result) {
    if (sent) return;
    sent = true;
    buttons.forEach(function (b) { b.disabled = true; });
    fetch('/stripe/v1/payment_intents/authenticate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_secret: clientSecret, result: result }),
    })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        report(body.payment_intent && !body.error ? { paymentIntent: body.payment_intent } : { error: body.error });
      })
      .catch(function () {
        report({ error: { type: 'api_connection_error', message: 'Could not reach the payment service.' } });
      });
  }
  buttons.forEach(function (button) {
    button.addEventListener('click', function () { send(button.getAttribute('data-result')); });
  });
  // Abandoning the challenge (Escape or a click outside it, reported by Stripe.js) fails it, as with Stripe.
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source === parent && data && data.source === 'stripe-standin' && data.type === 'abandon') send('fail');
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') send('fail');
    if (event.key !== 'Tab' || buttons.length === 0) return;
    // Focus stays in the challenge until it ends, as in a modal dialog.
    var first = buttons[0];
    var last = buttons[buttons.length - 1];
    var edge = event.shiftKey ? first : last;
    if (document.activeElement === edge || !buttons.includes(document.activeElement)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  });
  // Focused by the page that framed it: the first choice is ready for Enter or Space.
  window.addEventListener('focus', function () {
    if (!buttons.includes(document.activeElement) && buttons[0]) buttons[0].focus();
  });
})();
`;

/** The Embedded Checkout form: checks the input like Stripe's form, confirms through the sandbox. */
export const CHECKOUT_PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var clientSecret = new URLSearchParams(location.search).get('client_secret') || '';
  var form = document.getElementById('checkout');
  var error = document.getElementById('error');
  var pay = document.getElementById('pay');
  var auth = document.getElementById('authentication');
  var done = document.getElementById('done');
  function showError(message) { error.textContent = message; }
  function complete() {
    form.hidden = true;
    auth.hidden = true;
    done.hidden = false;
    parent.postMessage({ source: 'stripe-standin', type: 'checkout_complete', clientSecret: clientSecret }, '*');
  }
  if (done && !done.hidden) {
    complete();
    return;
  }
  function handle(body) {
    if (body.status === 'complete') return complete();
    if (body.status === 'requires_action') {
      form.hidden = true;
      auth.hidden = false;
      return;
    }
    form.hidden = false;
    auth.hidden = true;
    pay.disabled = false;
    showError(body.error && body.error.message ? body.error.message : 'Your card was declined.');
  }
  function send(path, payload) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    })
      .then(function (response) { return response.json(); })
      .then(handle)
      .catch(function () {
        pay.disabled = false;
        showError('Could not reach the payment service. Try again.');
      });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    showError('');
    var number = document.getElementById('card-number').value.replace(/[\s-]/g, '');
    var expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(document.getElementById('card-expiry').value);
    var cvc = document.getElementById('card-cvc').value.trim();
    if (!/^\d{12,19}$/.test(number)) return showError('Your card number is incomplete.');
    if (!expiry) return showError("Your card's expiration date is incomplete.");
    var month = Number(expiry[1]);
    var year = Number(expiry[2]);
    if (year < 100) year += 2000;
    if (month < 1 || month > 12) return showError("Your card's expiration month is invalid.");
    if (!/^\d{3,4}$/.test(cvc)) return showError("Your card's security code is incomplete.");
    pay.disabled = true;
    send('/stripe/v1/checkout_sessions/confirm', {
      client_secret: clientSecret,
      card: { number: number, exp_month: month, exp_year: year, cvc: cvc },
    });
  });
  Array.prototype.forEach.call(auth.querySelectorAll('button[data-result]'), function (button) {
    button.addEventListener('click', function () {
      send('/stripe/v1/checkout_sessions/authenticate', {
        client_secret: clientSecret,
        result: button.getAttribute('data-result'),
      });
    });
  });
})();
`;
