import { useState } from 'react';
import { formatDateTime, formatInteger } from '../../../../shared/domain/format';
import { api } from '../../api/bridge';
import { useSyncNow } from '../../api/mutations';
import { useAccount, useSyncStatus } from '../../api/queries';
import { messageFor } from '../../components/error-message';
import { AlertIcon } from '../../components/icons';
import { Modal } from '../../components/Modal';
import { describeCard } from '../payment/describe-card';
import { EmbeddedCheckout } from '../stripe/EmbeddedCheckout';
import './agency-card.css';

function UpdateCardDialog({ onDone }: { onDone(): void }) {
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

/**
 * The agency's card is one card for every client: when it is declined anywhere, every screen says which card,
 * what it stops (Auto Reload for N clients) and offers to replace it.
 */
export function AgencyCardBanner() {
  const account = useAccount().data;
  const offline = useSyncStatus().data?.state === 'offline';
  const [updating, setUpdating] = useState(false);
  const declined = account?.cardDeclined;
  if (!account || !declined) return null;
  const card = account.card ? describeCard(account.card) : 'The agency card';
  const reloads = account.autoReloadClients;
  const stops =
    reloads > 0
      ? ` — Auto Reload can't buy tokens for ${formatInteger(reloads)} ${reloads === 1 ? 'client' : 'clients'}`
      : '';
  return (
    <section className="agency-card" aria-labelledby="agency-card-heading">
      <AlertIcon className="agency-card__icon" />
      <div className="agency-card__body">
        <h2 id="agency-card-heading" className="agency-card__title">
          {card} was declined{stops}
        </h2>
        <p>
          {declined.message} ({formatDateTime(declined.at)}). Every client's purchases are charged to this
          card until it is updated.
        </p>
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={offline}
        title={offline ? 'Offline — updating the card needs a connection' : undefined}
        onClick={() => setUpdating(true)}
      >
        Update card
      </button>
      {updating && <UpdateCardDialog onDone={() => setUpdating(false)} />}
    </section>
  );
}
