/**
 * The "newer server" mode: for the chosen clients the Billing API answers as a
 * later version would. Besides the changes recorded in the store
 * (billing/newer-server-changes.ts) every object of those clients carries
 * fields this app does not know, and its timestamps use a +02:00 offset
 * instead of UTC. Applied after the response was checked against its schema,
 * as the last step before it is sent.
 */
import type { BillingRouteName } from '../../shared/api/routes';

const OFFSET_MINUTES = 120;
const TIMESTAMP_FIELDS = ['at', 'created_at', 'updated_at'] as const;

/** "2026-06-15T12:30:00.000Z" → "2026-06-15T14:30:00.000+02:00": the same instant, as a newer server writes it. */
function withOffset(utc: string): string {
  const shifted = new Date(Date.parse(utc) + OFFSET_MINUTES * 60_000).toISOString().slice(0, -1);
  return `${shifted}+02:00`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reshape(object: Record<string, unknown>): Record<string, unknown> {
  const shaped: Record<string, unknown> = {
    ...object,
    livemode: false,
    metadata: { api_version: '2027-01' },
  };
  for (const field of TIMESTAMP_FIELDS) {
    const value = object[field];
    if (typeof value === 'string' && value.endsWith('Z')) shaped[field] = withOffset(value);
  }
  return shaped;
}

export function createNewerServer() {
  const clients = new Set<string>();

  const belongsToNewer = (item: unknown): item is Record<string, unknown> =>
    isRecord(item) &&
    ((typeof item.client_id === 'string' && clients.has(item.client_id)) ||
      (typeof item.id === 'string' && clients.has(item.id) && 'balance' in item));

  const shapeItem = (item: unknown): unknown => (belongsToNewer(item) ? reshape(item) : item);

  return {
    enable(clientId: string): void {
      clients.add(clientId);
    },
    clear(): void {
      clients.clear();
    },
    clientIds(): string[] {
      return [...clients];
    },
    /** The body to send for a route: a newer client's objects reshaped, everything else untouched. */
    shape(route: BillingRouteName, body: unknown): unknown {
      if (clients.size === 0 || !isRecord(body)) return body;
      if (route === 'getClient') return shapeItem(body);
      if (route === 'listClients' || route === 'listLedger' || route === 'listInvoices') {
        return Array.isArray(body.data) ? { ...body, data: body.data.map(shapeItem) } : body;
      }
      return body;
    },
  };
}

export type NewerServer = ReturnType<typeof createNewerServer>;
