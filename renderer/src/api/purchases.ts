import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ClientDetail } from '../../../shared/ipc/models';
import {
  FINAL_PURCHASE_STATES,
  type AutoReloadSettings,
  type Purchase,
} from '../../../shared/ipc/purchase-models';
import { api } from './bridge';
import { queryKeys } from './query-keys';

export function isFinal(purchase: Purchase): boolean {
  return FINAL_PURCHASE_STATES.includes(purchase.state);
}

/** One place that files a purchase the core reported, so every screen reads the same state. */
export function rememberPurchase(queryClient: QueryClient, purchase: Purchase): void {
  const known = queryClient.getQueryData<Purchase | null>(queryKeys.purchase(purchase.id));
  // Events and call results race; an older report must not undo a newer one.
  if (known && (isFinal(known) || known.updatedAt > purchase.updatedAt) && !isFinal(purchase)) return;
  queryClient.setQueryData(queryKeys.purchase(purchase.id), purchase);
  queryClient.setQueryData(queryKeys.activePurchase(purchase.clientId), isFinal(purchase) ? null : purchase);
  if (purchase.state === 'succeeded') {
    // The core writes the top-up into the cache and says so; this only closes the gap until that event lands.
    void queryClient.invalidateQueries({ queryKey: queryKeys.clientDetail(purchase.clientId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.clientLists });
  }
}

export function usePurchase(purchaseId: string | null) {
  return useQuery({
    queryKey: queryKeys.purchase(purchaseId ?? ''),
    queryFn: () => api.invoke('purchases.get', { purchaseId: purchaseId ?? '' }),
    enabled: purchaseId !== null,
  });
}

export function useActivePurchase(clientId: string) {
  return useQuery({
    queryKey: queryKeys.activePurchase(clientId),
    queryFn: () => api.invoke('purchases.active', { clientId }),
    // A purchase left unfinished by a crash or another window must be found every time the page opens.
    staleTime: 0,
  });
}

function usePurchaseMutation<I>(run: (input: I) => Promise<Purchase>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (purchase: Purchase) => rememberPurchase(queryClient, purchase),
  });
}

export function useRefreshPurchase() {
  return usePurchaseMutation((purchaseId: string) => api.invoke('purchases.refresh', { purchaseId }));
}

export function useCancelPurchase() {
  return usePurchaseMutation((purchaseId: string) => api.invoke('purchases.cancel', { purchaseId }));
}

export function useUpdateAutoReload(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: AutoReloadSettings) => api.invoke('autoReload.update', { clientId, settings }),
    onSuccess: (client: ClientDetail) => {
      queryClient.setQueryData(queryKeys.clientDetail(client.id), client);
      void queryClient.invalidateQueries({ queryKey: queryKeys.clientLists });
    },
  });
}
