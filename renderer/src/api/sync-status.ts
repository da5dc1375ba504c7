import type { QueryClient } from '@tanstack/react-query';
import { newerSyncStatus, type SyncStatus } from '../../../shared/ipc/models';
import { queryKeys } from './query-keys';

/** A reply and an event race on different channels: the status with the higher revision wins. */
export function rememberSyncStatus(queryClient: QueryClient, status: SyncStatus): void {
  queryClient.setQueryData<SyncStatus>(queryKeys.syncStatus, (current) => newerSyncStatus(current, status));
}
