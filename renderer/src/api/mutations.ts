import { useMutation, useQueryClient, type Query } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { AppInfo } from '../../../shared/ipc/models';
import { api } from './bridge';
import { queryKeys } from './query-keys';
import { rememberSyncStatus } from './sync-status';

/** Everything except app info belongs to one session and must not leak into the next. */
const isSessionData = (query: Query) => query.queryKey[0] !== queryKeys.appInfo[0];

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'session.signIn'>) => api.invoke('session.signIn', input),
    onSuccess: (info: AppInfo) => {
      queryClient.removeQueries({ predicate: isSessionData });
      queryClient.setQueryData(queryKeys.appInfo, info);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.invoke('session.signOut', {}),
    onSuccess: (info: AppInfo) => {
      queryClient.removeQueries({ predicate: isSessionData });
      queryClient.setQueryData(queryKeys.appInfo, info);
    },
  });
}

export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.invoke('sync.now', {}),
    // The sync's own events may already have reported a later status than this reply.
    onSuccess: (status) => rememberSyncStatus(queryClient, status),
  });
}

export function useDismissNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.invoke('notices.dismiss', { id }),
    onSuccess: (notices) => queryClient.setQueryData(queryKeys.notices, notices),
  });
}
