import { lazy, Suspense, useState } from 'react';
import { formatDateTime, formatInteger } from '../../../../shared/domain/format';
import { useAccount, useSyncStatus } from '../../api/queries';
import { AlertIcon } from '../../components/icons';
import { describeCard } from '../payment/describe-card';
import './agency-card.css';

// Checkout and its dialog load when the manager asks to update the card, not with every screen.
const UpdateCardDialog = lazy(() =>
  import('./UpdateCardDialog').then((module) => ({ default: module.UpdateCardDialog })),
);

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
      {updating && (
        <Suspense
          fallback={
            <span className="loading-line" role="status">
              Opening Checkout…
            </span>
          }
        >
          <UpdateCardDialog onDone={() => setUpdating(false)} />
        </Suspense>
      )}
    </section>
  );
}
