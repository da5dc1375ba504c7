/**
 * The Stripe.js stand-in served at /stripe/v3.js in sandbox mode. Loaded before
 * @stripe/stripe-js's loadStripe runs, it defines `window.Stripe`, which loadStripe
 * then uses instead of injecting js.stripe.com. It implements only what the app
 * calls, with Stripe's result shapes: handleNextAction (3-D Secure) and Embedded
 * Checkout. Its UI lives in iframes served by the sandbox, like Stripe's own.
 */
export const STRIPE_JS_STANDIN = String.raw`(function () {
  'use strict';
  var script = document.currentScript;
  var origin = new URL(script && script.src ? script.src : location.href).origin;
  var CHANNEL = 'stripe-standin';

  function integrationError(message) {
    return { error: { type: 'invalid_request_error', code: 'integration_error', message: message } };
  }

  function listen(frame, type, clientSecret, onData) {
    function onMessage(event) {
      var data = event.data;
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      if (!data || data.source !== CHANNEL || data.type !== type || data.clientSecret !== clientSecret) return;
      onData(data);
    }
    window.addEventListener('message', onMessage);
    return function () { window.removeEventListener('message', onMessage); };
  }

  function authenticate(clientSecret) {
    if (typeof clientSecret !== 'string' || clientSecret.length === 0) {
      return Promise.resolve(integrationError('handleNextAction needs { clientSecret }.'));
    }
    return new Promise(function (resolve) {
      var backdrop = document.createElement('div');
      backdrop.setAttribute('data-stripe-standin', 'authentication');
      backdrop.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;' +
        'justify-content:center;background:rgba(15,23,42,0.55)';
      var frame = document.createElement('iframe');
      frame.title = 'Payment authentication';
      frame.src = origin + '/stripe/authenticate?client_secret=' + encodeURIComponent(clientSecret);
      frame.style.cssText = 'width:420px;max-width:92vw;height:380px;border:0;border-radius:12px;background:#fff';
      backdrop.appendChild(frame);
      // Like Stripe's own challenge, it takes the keyboard: the page behind is not where the person acts now.
      frame.addEventListener('load', function () { frame.focus(); });
      function abandon() {
        if (frame.contentWindow) frame.contentWindow.postMessage({ source: CHANNEL, type: 'abandon' }, origin);
      }
      function onKey(event) {
        if (event.key === 'Escape') abandon();
      }
      backdrop.addEventListener('click', function (event) {
        if (event.target === backdrop) abandon();
      });
      document.addEventListener('keydown', onKey);
      var stop = listen(frame, 'authentication_result', clientSecret, function (data) {
        stop();
        document.removeEventListener('keydown', onKey);
        backdrop.remove();
        resolve(data.result);
      });
      document.body.appendChild(backdrop);
    });
  }

  function embeddedCheckout(options) {
    options = options || {};
    var secret = typeof options.clientSecret === 'string'
      ? Promise.resolve(options.clientSecret)
      : typeof options.fetchClientSecret === 'function'
        ? Promise.resolve().then(options.fetchClientSecret)
        : Promise.reject(new Error('Embedded Checkout needs clientSecret or fetchClientSecret.'));
    var frame = null;
    var stop = null;
    var destroyed = false;
    function unmount() {
      if (stop) stop();
      stop = null;
      if (frame) frame.remove();
      frame = null;
    }
    return {
      mount: function (location) {
        var element = typeof location === 'string' ? document.querySelector(location) : location;
        if (!element) throw new Error('Embedded Checkout: nothing to mount into at ' + String(location));
        if (destroyed) throw new Error('Embedded Checkout was destroyed; create a new one.');
        secret.then(function (clientSecret) {
          if (destroyed) return;
          unmount();
          frame = document.createElement('iframe');
          frame.title = 'Secure checkout';
          frame.src = origin + '/stripe/checkout?client_secret=' + encodeURIComponent(clientSecret);
          frame.style.cssText = 'width:100%;min-height:560px;border:0;background:transparent';
          element.appendChild(frame);
          stop = listen(frame, 'checkout_complete', clientSecret, function () {
            if (typeof options.onComplete === 'function') options.onComplete();
          });
        });
      },
      unmount: unmount,
      destroy: function () {
        destroyed = true;
        unmount();
      },
    };
  }

  function Stripe(publishableKey) {
    if (typeof publishableKey !== 'string' || publishableKey.length === 0) {
      throw new Error('Stripe(): please call Stripe() with your publishable key.');
    }
    return {
      handleNextAction: function (options) { return authenticate(options && options.clientSecret); },
      handleCardAction: function (clientSecret) { return authenticate(clientSecret); },
      confirmCardPayment: function (clientSecret) { return authenticate(clientSecret); },
      createEmbeddedCheckoutPage: function (options) { return Promise.resolve(embeddedCheckout(options)); },
      initEmbeddedCheckout: function (options) { return Promise.resolve(embeddedCheckout(options)); },
    };
  }
  // What @stripe/stripe-js compares against its release train, so it does not warn about a version mismatch.
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
`;
