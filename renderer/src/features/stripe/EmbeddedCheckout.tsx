import type { StripeEmbeddedCheckout } from '@stripe/stripe-js';
import { useEffect, useRef, useState } from 'react';
import { getStripe } from './load-stripe';

interface EmbeddedCheckoutProps {
  /** Asks the core for a Checkout session (a payment, or setup mode) and answers its client secret. */
  openSession(): Promise<{ clientSecret: string }>;
  /** Changes when a different session is wanted; the mounted Checkout is replaced then. */
  sessionKey: string;
  onComplete(): void;
  onError(error: unknown): void;
}

/** Stripe's Embedded Checkout, mounted where it is rendered and destroyed with it. */
export function EmbeddedCheckout({ openSession, sessionKey, onComplete, onError }: EmbeddedCheckoutProps) {
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  // Stripe keeps the first callbacks it is given; refs let it call the latest ones.
  const callbacks = useRef({ openSession, onComplete, onError });
  useEffect(() => {
    callbacks.current = { openSession, onComplete, onError };
  });

  useEffect(() => {
    let disposed = false;
    let checkout: StripeEmbeddedCheckout | null = null;
    void (async () => {
      try {
        const [stripe, session] = await Promise.all([getStripe(), callbacks.current.openSession()]);
        if (disposed) return;
        const created = await stripe.createEmbeddedCheckoutPage({
          clientSecret: session.clientSecret,
          onComplete: () => callbacks.current.onComplete(),
        });
        if (disposed || !container.current) {
          created.destroy();
          return;
        }
        checkout = created;
        created.mount(container.current);
        setReady(true);
      } catch (error) {
        if (!disposed) callbacks.current.onError(error);
      }
    })();
    return () => {
      disposed = true;
      checkout?.destroy();
    };
  }, [sessionKey]);

  return (
    <div className="checkout-frame">
      {!ready && (
        <p className="loading-line" role="status">
          Opening secure checkout…
        </p>
      )}
      <div ref={container} className="checkout-frame__mount" />
    </div>
  );
}
