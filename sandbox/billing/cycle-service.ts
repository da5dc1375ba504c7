/**
 * Plan cycle resets and the test clock: advancing the clock runs every renewal
 * that falls in between, oldest first across all clients, like a Stripe test clock.
 */
import { formatCalendarDate } from '../../shared/domain/format';
import { resetCycle } from '../../shared/domain/token-ledger';
import { invalidRequest } from '../http/api-error';
import { addMonths, isoDate } from '../seed/calendar';
import type { Repositories } from '../store/repositories';
import type { ClientBooks } from './client-books';
import type { SandboxClock } from './sandbox-clock';

export interface CycleReset {
  client_id: string;
  at: string;
}

function startOfDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function createCycleService(repos: Repositories, books: ClientBooks, clock: SandboxClock) {
  const renew = (clientId: string): CycleReset => {
    const client = books.requireClient(clientId);
    const start = startOfDate(client.renewal_date);
    const end = addMonths(start, 1);
    const at = start.toISOString();
    const plan = client.plan;
    const period = `${formatCalendarDate(isoDate(start))} – ${formatCalendarDate(isoDate(end))}`;
    const invoice = books.issueInvoice(client, {
      at,
      description: `${plan.name} plan renewal`,
      line: {
        description: `${plan.name} plan, ${period}`,
        quantity: 1,
        amount: plan.price,
        unit_amount: plan.price,
        pack_id: null,
        tokens: plan.tokens_per_cycle,
      },
      topUpId: null,
    });
    const applied = resetCycle(books.state(client.id), {
      tokens: plan.tokens_per_cycle,
      at,
      invoiceId: invoice.id,
      description: `${plan.name} plan allocation for ${period}`,
    });
    repos.clients.setCycle(client.id, isoDate(start), isoDate(end));
    books.apply(client.id, applied);
    return { client_id: client.id, at };
  };

  /** Every renewal due on or before the clock's time, in time order. */
  const runDue = (): CycleReset[] => {
    const resets: CycleReset[] = [];
    const now = clock.now().getTime();
    for (;;) {
      const next = repos.clients.earliestRenewal(null);
      if (!next || startOfDate(next.renewal_date).getTime() > now) return resets;
      resets.push(renew(next.id));
    }
  };

  return {
    runDue,

    /** Moves the clock forward to `to` (or the next renewal, of one client or of any) and runs the resets. */
    advance(to: string, clientId: string | null): { now: string; resets: CycleReset[] } {
      let target: Date;
      if (to === 'next_renewal') {
        if (clientId !== null) books.requireClient(clientId);
        const next = repos.clients.earliestRenewal(clientId);
        if (!next) throw invalidRequest('There is no client to renew', 'no_clients');
        target = startOfDate(next.renewal_date);
      } else {
        target = new Date(to);
      }
      if (target.getTime() < clock.now().getTime()) {
        throw invalidRequest(
          `to: the clock is at ${clock.now().toISOString()} and cannot go back`,
          'clock_backwards',
        );
      }
      clock.setTo(target);
      return { now: clock.now().toISOString(), resets: runDue() };
    },
  };
}

export type CycleService = ReturnType<typeof createCycleService>;
