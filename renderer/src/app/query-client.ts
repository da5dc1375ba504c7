import { QueryClient } from '@tanstack/react-query';
import { AppError } from '../../../shared/ipc/errors';

/** Failures that another attempt cannot fix; retrying them only delays the message. */
const FINAL_ERROR_KINDS = new Set(['unauthorized', 'not_found', 'validation', 'conflict']);
const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The core pushes cache.changed whenever data moves, so polling on focus would only add load.
        refetchOnWindowFocus: false,
        staleTime: 60_000,
        retry: (failureCount, error) =>
          !(error instanceof AppError && FINAL_ERROR_KINDS.has(error.kind)) && failureCount < MAX_RETRIES,
      },
    },
  });
}
