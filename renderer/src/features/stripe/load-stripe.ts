import type { Stripe } from '@stripe/stripe-js';
// The pure entry injects nothing on import, so sandbox mode can put its stand-in in place first.
import { loadStripe } from '@stripe/stripe-js/pure';
import { api } from '../../api/bridge';

let stripePromise: Promise<Stripe> | null = null;

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => {
      script.remove();
      reject(new Error(`The payment script at ${src} did not load.`));
    });
    document.head.appendChild(script);
  });
}

async function load(): Promise<Stripe> {
  const config = await api.invoke('stripe.config', {});
  // In sandbox mode the stand-in defines window.Stripe, which loadStripe then uses instead of js.stripe.com.
  if (config.standInScriptUrl) await injectScript(config.standInScriptUrl);
  const stripe = await loadStripe(config.publishableKey);
  if (!stripe) throw new Error('Stripe.js is not available in this window.');
  return stripe;
}

/** Stripe.js, loaded once per window; a failed load is forgotten so the next attempt starts fresh. */
export function getStripe(): Promise<Stripe> {
  stripePromise ??= load().catch((error: unknown) => {
    stripePromise = null;
    throw error;
  });
  return stripePromise;
}
