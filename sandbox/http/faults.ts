/**
 * Faults a test can switch on through POST /sandbox/faults, so the app's retry
 * and recovery paths can be proven against a backend that misbehaves on cue.
 */
import { z } from 'zod';
import { billingRoutes, type BillingRouteName } from '../../shared/api/routes';

const RouteName = z.enum(Object.keys(billingRoutes) as [BillingRouteName, ...BillingRouteName[]]);
const NextRequests = z.strictObject({ route: RouteName, count: z.int().min(1).max(1000) });

export const FaultsBody = z.strictObject({
  /** Added before every Billing API response. */
  latency_ms: z.int().min(0).max(60_000).optional(),
  /** Answer HTTP 500 to the next `count` requests to `route`, before doing anything. */
  fail_next: NextRequests.optional(),
  /** Do the next `count` requests to `route`, commit, then reset the connection instead of answering. */
  drop_next: NextRequests.optional(),
  /** Stop accepting connections (ECONNREFUSED) for this long, dropping open ones. */
  refuse_connections_seconds: z.number().positive().max(60).optional(),
  /** Switch every fault off first. */
  clear: z.boolean().optional(),
});
export type FaultsBody = z.infer<typeof FaultsBody>;

export const FaultsState = z.object({
  latency_ms: z.int(),
  fail_next: z.record(z.string(), z.int()),
  drop_next: z.record(z.string(), z.int()),
  refusing_connections: z.boolean(),
});
export type FaultsState = z.infer<typeof FaultsState>;

export function createFaults() {
  let latencyMs = 0;
  let refusing = false;
  const failNext = new Map<BillingRouteName, number>();
  const dropNext = new Map<BillingRouteName, number>();

  const take = (counts: Map<BillingRouteName, number>, route: BillingRouteName): boolean => {
    const left = counts.get(route) ?? 0;
    if (left <= 0) return false;
    if (left === 1) counts.delete(route);
    else counts.set(route, left - 1);
    return true;
  };

  const clear = (): void => {
    latencyMs = 0;
    failNext.clear();
    dropNext.clear();
  };

  return {
    clear,
    latencyMs: () => latencyMs,
    takeFailure: (route: BillingRouteName) => take(failNext, route),
    takeDrop: (route: BillingRouteName) => take(dropNext, route),
    setRefusing(value: boolean): void {
      refusing = value;
    },

    apply(body: FaultsBody): void {
      if (body.clear) clear();
      if (body.latency_ms !== undefined) latencyMs = body.latency_ms;
      if (body.fail_next) failNext.set(body.fail_next.route, body.fail_next.count);
      if (body.drop_next) dropNext.set(body.drop_next.route, body.drop_next.count);
    },

    describe(): FaultsState {
      return {
        latency_ms: latencyMs,
        fail_next: Object.fromEntries(failNext),
        drop_next: Object.fromEntries(dropNext),
        refusing_connections: refusing,
      };
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
