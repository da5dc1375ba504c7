import { useNavigate } from 'react-router';
import { useClient } from '../../api/queries';
import { clientTabPath } from '../client-page/client-tabs';
import { PurchaseFlow } from '../payment/PurchaseFlow';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';

function DashboardPurchaseFor({ clientId }: { clientId: string }) {
  const navigate = useNavigate();
  const client = useClient(clientId);
  if (!client.data) return null;
  return (
    <PurchaseFlow
      client={client.data}
      onShowCredits={() => void navigate(clientTabPath(clientId, 'credits'))}
    />
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
