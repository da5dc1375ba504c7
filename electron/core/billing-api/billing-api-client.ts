import type { z } from 'zod';
import type {
  AutoReloadUpdate,
  ClientListQuery,
  InvoiceListQuery,
  LedgerQuery,
} from '../../../shared/api/billing-api';
import { IDEMPOTENCY_HEADER } from '../../../shared/api/billing-api';
import type { CreateTopUpBody } from '../../../shared/api/payments-api';
import { billingRoutes } from '../../../shared/api/routes';
import { clientListEnvelope, splitClientPage, type ClientListPage } from './client-listing';
import { HttpClient, type HttpClientOptions } from './http-client';

type Routes = typeof billingRoutes;
type Output<R extends keyof Routes> = z.output<Routes[R]['response']>;

/** One typed method per Billing API v1 route. */
export class BillingApiClient {
  private readonly http: HttpClient;

  constructor(options: HttpClientOptions) {
    this.http = new HttpClient(options);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  getMe(signal?: AbortSignal): Promise<Output<'getMe'>> {
    return this.http.request(billingRoutes.getMe, { signal });
  }

  async listClients(query: z.output<typeof ClientListQuery>, signal?: AbortSignal): Promise<ClientListPage> {
    return splitClientPage(await this.http.request(clientListEnvelope, { query, signal }));
  }

  getClient(id: string, signal?: AbortSignal): Promise<Output<'getClient'>> {
    return this.http.request(billingRoutes.getClient, { params: { id }, signal });
  }

  listPacks(signal?: AbortSignal): Promise<Output<'listPacks'>> {
    return this.http.request(billingRoutes.listPacks, { signal });
  }

  listPlans(signal?: AbortSignal): Promise<Output<'listPlans'>> {
    return this.http.request(billingRoutes.listPlans, { signal });
  }

  listLedger(
    clientId: string,
    query: z.output<typeof LedgerQuery>,
    signal?: AbortSignal,
  ): Promise<Output<'listLedger'>> {
    return this.http.request(billingRoutes.listLedger, { params: { id: clientId }, query, signal });
  }

  listInvoices(
    clientId: string,
    query: z.output<typeof InvoiceListQuery>,
    signal?: AbortSignal,
  ): Promise<Output<'listInvoices'>> {
    return this.http.request(billingRoutes.listInvoices, { params: { id: clientId }, query, signal });
  }

  updateAutoReload(
    clientId: string,
    body: AutoReloadUpdate,
    signal?: AbortSignal,
  ): Promise<Output<'updateAutoReload'>> {
    return this.http.request(billingRoutes.updateAutoReload, { params: { id: clientId }, body, signal });
  }

  /**
   * Charges the saved card for a pack at the confirmed price (a different current price charges nothing);
   * the same key replays the first result instead of charging again.
   */
  createTopUp(
    clientId: string,
    body: CreateTopUpBody,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<Output<'createTopUp'>> {
    return this.http.request(billingRoutes.createTopUp, {
      params: { id: clientId },
      body,
      headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
      signal,
    });
  }

  /** The top-ups a request with this Idempotency-Key created (none: no such request ever charged). */
  findTopUps(idempotencyKey: string, signal?: AbortSignal): Promise<Output<'findTopUps'>> {
    return this.http.request(billingRoutes.findTopUps, {
      query: { idempotency_key: idempotencyKey },
      signal,
    });
  }

  getTopUp(id: string, signal?: AbortSignal): Promise<Output<'getTopUp'>> {
    return this.http.request(billingRoutes.getTopUp, { params: { id }, signal });
  }

  createCheckoutSession(topUpId: string, signal?: AbortSignal): Promise<Output<'createCheckoutSession'>> {
    return this.http.request(billingRoutes.createCheckoutSession, { params: { id: topUpId }, signal });
  }

  createSetupSession(signal?: AbortSignal): Promise<Output<'createSetupSession'>> {
    return this.http.request(billingRoutes.createSetupSession, { signal });
  }

  cancelTopUp(topUpId: string, signal?: AbortSignal): Promise<Output<'cancelTopUp'>> {
    return this.http.request(billingRoutes.cancelTopUp, { params: { id: topUpId }, signal });
  }
}
