import type { StripeEmbeddedCheckout } from '@stripe/stripe-js';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/bridge';
import { getStripe } from '../stripe/load-stripe';

interface EmbeddedCheckoutFrameProps {
  purchaseId: string;
  onComplete(): void;
  onError(error: unknown): void;
}

/** Stripe's Embedded Checkout for this purchase, mounted inside the dialog and destroyed with it. */
export function EmbeddedCheckoutFrame({ purchaseId, onComplete, onError }: EmbeddedCheckoutFrameProps) {
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  // Stripe keeps the first callbacks it is given; refs let it call the latest ones.
  const callbacks = useRef({ onComplete, onError });
  useEffect(() => {
    callbacks.current = { onComplete, onError };
  });

  useEffect(() => {
    let disposed = false;
    let checkout: StripeEmbeddedCheckout | null = null;
    void (async () => {
      try {
        const [stripe, session] = await Promise.all([
          getStripe(),
          api.invoke('purchases.checkout', { purchaseId }),
        ]);
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
  }, [purchaseId]);

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
