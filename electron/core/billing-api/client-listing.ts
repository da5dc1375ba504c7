/**
 * The client list read one client at a time: a client whose object this
 * version cannot read is reported by id (and set aside by the sync) instead of
 * failing the page, and with it every other client of the agency.
 */
import { z } from 'zod';
import { Client } from '../../../shared/api/billing-api';
import { Id } from '../../../shared/api/primitives';
import { billingRoutes } from '../../../shared/api/routes';
import { BillingApiError } from './billing-api-error';
import { describeIssues } from './http-client';

export const clientListEnvelope = {
  ...billingRoutes.listClients,
  response: z.object({ data: z.array(z.unknown()), next_cursor: z.string().min(1).nullable() }),
};

export interface UnreadableClient {
  id: string;
  message: string;
}

export interface ClientListPage {
  data: Client[];
  unreadable: UnreadableClient[];
  next_cursor: string | null;
}

const Identified = z.object({ id: Id });

export function splitClientPage(page: z.output<typeof clientListEnvelope.response>): ClientListPage {
  const data: Client[] = [];
  const unreadable: UnreadableClient[] = [];
  for (const item of page.data) {
    const parsed = Client.safeParse(item);
    if (parsed.success) {
      data.push(parsed.data);
      continue;
    }
    const identified = Identified.safeParse(item);
    // Without an id the problem cannot be pinned on one client: the page is refused whole.
    if (!identified.success)
      throw new BillingApiError(
        'validation',
        `The billing API sent an unexpected response to GET /v1/clients (a client without an id).`,
      );
    unreadable.push({
      id: identified.data.id,
      message: `The billing API sent this client's details in a form this version can't read (${describeIssues(parsed.error)}).`,
    });
  }
  return { data, unreadable, next_cursor: page.next_cursor };
}
