import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';

export function useProvenance(clientId: string) {
  return useQuery({
    queryKey: queryKeys.provenance(clientId),
    queryFn: () => api.invoke('ledger.provenance', { clientId }),
  });
}
