import { useState } from 'react';
import { api } from '../../api/bridge';
import { useSyncNow } from '../../api/mutations';
import { messageFor } from '../../components/error-message';
import { Modal } from '../../components/Modal';
import { EmbeddedCheckout } from '../stripe/EmbeddedCheckout';

/** Stripe Checkout in setup mode: the card saved replaces the agency's card; nothing is charged. */
export function UpdateCardDialog({ onDone }: { onDone(): void }) {
  const syncNow = useSyncNow();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <Modal open title="Update the agency's card" size="lg" onDismiss={onDone}>
      <p className="muted">
        The card you save replaces the agency's card for every client: their top-ups and Auto Reloads. Nothing
        is charged now.
      </p>
      {failure ? (
        <div className="agency-card__failure" role="alert">
          <p>{messageFor(failure)}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </div>
      ) : (
        <EmbeddedCheckout
          sessionKey={`setup-${attempt}`}
          openSession={() => api.invoke('account.updateCard', {})}
          onComplete={() => {
            // The billing API knows the new card at once; a sync brings it (and the cleared decline) here.
            syncNow.mutate();
            onDone();
          }}
          onError={setFailure}
        />
      )}
    </Modal>
  );
}
