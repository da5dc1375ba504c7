import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api/bridge';

const updateStatusKey = ['update', 'status'] as const;

/** The app's self-update state, kept current by the core's 'update.status' events. */
export function useUpdateStatus() {
  const queryClient = useQueryClient();
  useEffect(
    () => api.on('update.status', (status) => queryClient.setQueryData(updateStatusKey, status)),
    [queryClient],
  );
  return useQuery({
    queryKey: updateStatusKey,
    queryFn: () => api.invoke('update.status', {}),
    staleTime: Infinity,
  });
}

export function useRestartToUpdate() {
  return useMutation({ mutationFn: () => api.invoke('update.restart', {}) });
}
