/** How a client set aside by the sync is described: a sentence for its badge, the full story for "Copy details". */
import { AppError } from '../../../shared/ipc/errors';
import { BillingApiError } from '../billing-api/billing-api-error';
import type { Repositories } from '../db/repositories';
import type { ClientSyncProblem } from '../db/repositories/sync-problems-repo';

export function syncProblemOf(
  repos: Pick<Repositories, 'clients' | 'syncCursors'>,
  clientId: string,
  error: unknown,
  at: Date,
): ClientSyncProblem {
  const known = error instanceof AppError;
  const message = known ? error.message : "This client's data could not be stored in the local cache.";
  const name = repos.clients.get(clientId)?.name ?? clientId;
  const status = error instanceof BillingApiError && error.status !== null ? ` (HTTP ${error.status})` : '';
  const details = [
    `Client: ${name} (${clientId})`,
    `When: ${at.toISOString()}`,
    `Credit log synced up to entry: ${repos.syncCursors.ledgerAfterSeq(clientId)}`,
    `Problem: ${known ? error.kind : 'storage'}${status}: ${message}`,
    ...(known ? [] : [`Cause: ${error instanceof Error ? error.message : String(error)}`]),
  ].join('\n');
  return { clientId, at: at.toISOString(), message, details };
}
