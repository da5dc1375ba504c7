/**
 * The per-client part of a sync run: each client's credit log and invoices, one
 * client at a time. A client whose data cannot be read or stored is set aside
 * with its reason and the others carry on; only what concerns the whole
 * workspace (offline, a refused token, a cancelled run) stops the run.
 */
import { AppError } from '../../../shared/ipc/errors';
import { BillingApiError, RequestCancelledError } from '../billing-api/billing-api-error';
import { LedgerReadAhead } from './ledger-read-ahead';
import { syncProblemOf } from './sync-problem';
import { type SyncStepContext, syncClientHistory } from './sync-steps';

export interface HistoriesOutcome {
  /** Clients set aside in this run. */
  setAside: number;
}

interface HistoriesOptions {
  now: () => Date;
  onClient: (done: number, total: number) => void;
  /** Reads the complete client list again, removing clients the billing service no longer has. */
  relist: () => Promise<void>;
  /** The next client to sync before the rest (one just bought for), taken off the engine's list. */
  takeUrgent: () => string | undefined;
}

function stopsTheWholeRun(error: unknown): boolean {
  if (error instanceof RequestCancelledError) return true;
  return error instanceof AppError && (error.kind === 'offline' || error.kind === 'unauthorized');
}

/**
 * Syncs `clientIds` in order, but between two clients an urgent one goes first
 * (once, even if it was done earlier in the run: its new invoice came since).
 */
export async function syncClientHistories(
  ctx: SyncStepContext,
  clientIds: readonly string[],
  options: HistoriesOptions,
): Promise<HistoriesOutcome> {
  const queue = [...clientIds];
  const ledgerPages = new LedgerReadAhead(ctx.api, ctx.signal, ctx.pageSizes.ledger);
  let relisted = false;
  let setAside = 0;
  try {
    for (let done = 0; ; done += 1) {
      const urgent = options.takeUrgent();
      if (urgent !== undefined && queue.includes(urgent)) queue.splice(queue.indexOf(urgent), 1);
      const clientId = urgent ?? queue.shift();
      if (clientId === undefined) break;
      options.onClient(done, done + queue.length + 1);
      if (ctx.unreadableClients.has(clientId)) {
        setAside += 1;
        continue;
      }
      // Every client's history starts with its first ledger page: the next one's is asked for now, so it is
      // there when this client is done.
      const next = queue[0];
      if (next !== undefined && !ctx.unreadableClients.has(next))
        ledgerPages.request(next, ctx.repos.syncCursors.ledgerAfterSeq(next));
      try {
        await syncClientHistory(ctx, clientId, urgent !== undefined, ledgerPages);
        if (ctx.repos.syncProblems.clear(clientId)) ctx.changed(['clients'], [clientId]);
      } catch (error) {
        if (ctx.signal.aborted || stopsTheWholeRun(error)) throw error;
        // A client deleted on the billing service answers 404 until a complete listing removes it;
        // listing now (once per run) tells a deleted client from a broken one.
        const missing = error instanceof BillingApiError && error.kind === 'not_found';
        if (missing && !relisted) {
          relisted = true;
          await options.relist();
          if (!ctx.repos.clients.get(clientId)) continue;
        }
        ctx.repos.syncProblems.record(syncProblemOf(ctx.repos, clientId, error, options.now()));
        ctx.changed(['clients'], [clientId]);
        setAside += 1;
      }
    }
  } finally {
    ledgerPages.dropAll();
  }
  return { setAside };
}
