import type { Handlers } from '../../../shared/ipc/contract';
import type { ServiceContext } from './service-context';

type PurchaseChannels =
  | 'purchases.start'
  | 'purchases.get'
  | 'purchases.active'
  | 'purchases.refresh'
  | 'purchases.checkout'
  | 'purchases.cancel';

export function purchasesHandlers(ctx: ServiceContext): Pick<Handlers, PurchaseChannels> {
  const { purchases } = ctx;
  return {
    'purchases.start': ({ clientId, packId, expectedPrice }) =>
      purchases.start(clientId, packId, expectedPrice),
    'purchases.get': async ({ purchaseId }) => purchases.get(purchaseId),
    'purchases.active': async ({ clientId }) => purchases.active(clientId),
    'purchases.refresh': ({ purchaseId }) => purchases.refresh(purchaseId),
    'purchases.checkout': ({ purchaseId }) => purchases.checkout(purchaseId),
    'purchases.cancel': ({ purchaseId }) => purchases.cancel(purchaseId),
  };
}
