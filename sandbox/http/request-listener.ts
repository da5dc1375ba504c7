/**
 * The sandbox's request pipeline: host check, hosted invoice pages and (in
 * sandbox mode) the Stripe.js stand-in without auth; then latency, bearer auth,
 * and either a sandbox control route (sandbox mode only) or a Billing API route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Repositories } from '../store/repositories';
import { ApiError } from './api-error';
import type { Faults } from './faults';
import { renderInvoicePage, renderNotFoundPage } from './hosted-invoice-page';
import { createBearerCheck, createHostCheck } from './request-guards';
import { sendApiError, sendHtml } from './responses';

type Dispatch = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface RequestListenerOptions {
  repositories: Repositories;
  api: Dispatch;
  /** Present in sandbox mode only: /sandbox/* (bearer). */
  controls: Dispatch | null;
  /** The Stripe.js stand-in, /stripe/* (client secrets). */
  standin: Dispatch | null;
  /** Runs plan renewals that came due, so every request sees a current store. */
  catchUp: () => void;
  faults: Faults;
  token: string;
  host: string;
  latencyMs: number;
  isClosing: () => boolean;
}

const HOSTED_INVOICE = /^\/hosted\/invoices\/([^/]+)$/;
function serveHostedInvoice(res: ServerResponse, repositories: Repositories, encodedId: string): void {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    sendHtml(res, 404, renderNotFoundPage());
    return;
  }
  const invoice = repositories.invoices.get(id);
  if (!invoice) {
    sendHtml(res, 404, renderNotFoundPage());
    return;
  }
  sendHtml(
    res,
    200,
    renderInvoicePage(invoice, repositories.clients.get(invoice.client_id), repositories.agency.get()),
  );
}

export function createRequestListener(options: RequestListenerOptions) {
  const checkHost = createHostCheck(options.host);
  const checkBearer = createBearerCheck(options.token);

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const latency = options.latencyMs + options.faults.latencyMs();
    if (latency > 0) await delay(latency);
    if (options.isClosing()) {
      res.destroy();
      return;
    }
    checkBearer(req);
    options.catchUp();
    if (!url.pathname.startsWith('/sandbox/')) return options.api(req, res, url);
    if (!options.controls) {
      throw new ApiError(404, 'not_found', 'Sandbox controls are off on this server', {
        code: 'unknown_route',
      });
    }
    return options.controls(req, res, url);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      checkHost(req);
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const hosted = HOSTED_INVOICE.exec(url.pathname);
      if (hosted && req.method === 'GET') {
        serveHostedInvoice(res, options.repositories, hosted[1] ?? '');
        return;
      }
      if (options.standin && url.pathname.startsWith('/stripe/')) {
        options.catchUp();
        await options.standin(req, res, url);
        return;
      }
      await handleApi(req, res, url);
    } catch (error) {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof ApiError) {
        sendApiError(res, error);
        return;
      }
      if (options.isClosing()) {
        res.destroy();
        return;
      }
      console.error('[sandbox] request failed', error);
      sendApiError(
        res,
        new ApiError(500, 'server_error', 'The billing sandbox failed to handle this request'),
      );
    }
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res);
  };
}
