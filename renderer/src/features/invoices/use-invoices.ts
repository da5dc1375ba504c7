import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';

export function useInvoices(clientId: string) {
  return useQuery({
    queryKey: queryKeys.invoiceList(clientId),
    queryFn: () => api.invoke('invoices.list', { clientId }),
  });
}
