import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { useClient } from '../../api/queries';
import { clientTabPath } from '../client-page/client-tabs';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';

// The payment flow (its dialogs and Stripe) loads with the first "Buy pack", not with the home screen.
const PurchaseFlow = lazy(() =>
  import('../payment/PurchaseFlow').then((module) => ({ default: module.PurchaseFlow })),
);

function DashboardPurchaseFor({ clientId }: { clientId: string }) {
  const navigate = useNavigate();
  const client = useClient(clientId);
  if (!client.data) return null;
  return (
    <Suspense
      fallback={
        <p className="loading-line" role="status">
          Opening the purchase…
        </p>
      }
    >
      <PurchaseFlow
        client={client.data}
        onShowCredits={() => void navigate(clientTabPath(clientId, 'credits'))}
      />
    </Suspense>
  );
}

/**
 * "Buy pack" runs the very same confirm-and-pay flow as Manual Reload, on the dashboard, so the manager stays
 * on the list and sees the row leave it once the tokens are in. Nothing is read until a purchase is open.
 */
export function DashboardPurchase() {
  const clientId = usePurchaseFlowStore((state) => state.step?.clientId ?? null);
  return clientId ? <DashboardPurchaseFor key={clientId} clientId={clientId} /> : null;
}
