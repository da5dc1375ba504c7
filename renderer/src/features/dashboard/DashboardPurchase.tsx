import { useNavigate } from 'react-router';
import { useClient } from '../../api/queries';
import { clientTabPath } from '../client-page/client-tabs';
import { PurchaseFlow } from '../payment/PurchaseFlow';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';

/**
 * "Buy pack" runs the very same confirm-and-pay flow as Manual Reload, on the dashboard, so the manager stays
 * on the list and sees the row leave it once the tokens are in.
 */
export function DashboardPurchase() {
  const navigate = useNavigate();
  const clientId = usePurchaseFlowStore((state) => state.step?.clientId ?? null);
  const client = useClient(clientId ?? '');
  if (!clientId || !client.data) return null;
  return (
    <PurchaseFlow
      key={clientId}
      client={client.data}
      onShowCredits={() => void navigate(clientTabPath(clientId, 'credits'))}
    />
  );
}
