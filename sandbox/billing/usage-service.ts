/**
 * Usage submissions: written when the balance covers them, after Auto Reload
 * buys packs if it is on and under its per-cycle limit; otherwise stored as
 * blocked. The platform never runs blocked work later: the client resubmits
 * it. So the client's `insufficient_tokens` shows the blocked submission until
 * a submission at least as large is accepted (the resubmission); a top-up only
 * makes the balance cover it, and a smaller usage going through leaves it.
 */
import type { Client, LedgerEntry } from '../../shared/api/billing-api';
import type { TopUp } from '../../shared/api/payments-api';
import { balanceOf, recordBlocked, recordUsage } from '../../shared/domain/token-ledger';
import type { Repositories } from '../store/repositories';
import { toWireTopUp } from '../store/top-up-repository';
import type { UsageSubmission } from '../store/usage-repository';
import type { ClientBooks } from './client-books';
import { newId } from './ids';
import type { SandboxClock } from './sandbox-clock';
import type { TopUpService } from './top-up-service';

export interface UsageResult {
  submission: UsageSubmission;
  auto_reloads: TopUp[];
  ledger_entries: LedgerEntry[];
  client: Client;
}

export function createUsageService(
  repos: Repositories,
  books: ClientBooks,
  topUps: TopUpService,
  clock: SandboxClock,
) {
  /** Whether one more reload is allowed before this usage; reload failures stop the loop. */
  const wantsReload = (client: Client, tokens: number): boolean => {
    const reload = client.auto_reload;
    if (!reload.enabled || reload.pack_id === null) return false;
    const total = client.balance.total;
    if (total >= tokens && total - tokens >= reload.threshold) return false;
    const limit = reload.monthly_limit ?? null;
    const used = repos.topUps.succeededReloadsSince(client.id, `${client.cycle_start}T00:00:00.000Z`);
    return limit === null || used < limit;
  };

  return {
    submit(input: { client_id: string; tokens: number; description: string }): UsageResult {
      let client = books.requireClient(input.client_id);
      const autoReloads: TopUp[] = [];
      while (wantsReload(client, input.tokens) && client.auto_reload.pack_id !== null) {
        const { topUp } = topUps.create(client.id, client.auto_reload.pack_id, 'auto_reload', null);
        autoReloads.push(toWireTopUp(topUp));
        client = books.requireClient(client.id);
        if (topUp.status !== 'succeeded') break;
      }
      const at = clock.now().toISOString();
      const id = newId('sub');
      const state = books.state(client.id);
      const outcome = recordUsage(state, {
        tokens: input.tokens,
        at,
        description: input.description,
        submissionId: id,
      });
      const shortfall = outcome.ok ? 0 : input.tokens - balanceOf(state).total;
      const submission: UsageSubmission = {
        id,
        client_id: client.id,
        tokens: input.tokens,
        description: input.description,
        status: outcome.ok ? 'accepted' : 'blocked',
        shortfall,
        created_at: at,
      };
      repos.usage.insert(submission);
      const blocked = client.insufficient_tokens ?? null;
      if (!outcome.ok) repos.usage.setBlocked(client.id, id);
      else if (blocked && input.tokens >= blocked.tokens_requested) repos.usage.setBlocked(client.id, null);
      const applied = outcome.ok
        ? outcome
        : recordBlocked(state, {
            tokens: input.tokens,
            at,
            description: input.description,
            submissionId: id,
          });
      books.apply(client.id, applied);
      return {
        submission,
        auto_reloads: autoReloads,
        ledger_entries: [...applied.entries],
        client: books.requireClient(client.id),
      };
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
