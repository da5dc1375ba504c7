import { api } from '../../api/bridge';
import { EmbeddedCheckout } from '../stripe/EmbeddedCheckout';

interface EmbeddedCheckoutFrameProps {
  purchaseId: string;
  onComplete(): void;
  onError(error: unknown): void;
}

/** Stripe's Embedded Checkout paying this purchase with a new card, which then pays for every client. */
export function EmbeddedCheckoutFrame({ purchaseId, onComplete, onError }: EmbeddedCheckoutFrameProps) {
  return (
    <>
      <p className="muted">
        The card you enter becomes the agency's card: it pays every client's top-ups and Auto Reloads from now
        on.
      </p>
      <EmbeddedCheckout
        sessionKey={purchaseId}
        openSession={() => api.invoke('purchases.checkout', { purchaseId })}
        onComplete={onComplete}
        onError={onError}
      />
    </>
  );
}
