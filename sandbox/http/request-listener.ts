/**
 * The sandbox's request pipeline: host check, hosted invoice pages (no auth),
 * then bearer auth, routing, input validation, the handler, and a check of the
 * response against the route's schema before it leaves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Repositories } from '../store/repositories';
import { ApiError } from './api-error';
import { renderInvoicePage, renderNotFoundPage } from './hosted-invoice-page';
import { createBearerCheck, createHostCheck, readJsonBody } from './request-guards';
import { sendApiError, sendHtml, sendJson } from './responses';
import { describeIssues, matchRoute, parseBody, parseQuery, type RouteHandlers } from './router';

export interface RequestListenerOptions {
  handlers: RouteHandlers;
  repositories: Repositories;
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
    if (options.latencyMs > 0) await delay(options.latencyMs);
    if (options.isClosing()) {
      res.destroy();
      return;
    }
    checkBearer(req);
    const match = matchRoute(req.method ?? '', url.pathname);
    const query = parseQuery(match.spec, url.searchParams);
    const body = match.spec.body ? parseBody(match.spec, await readJsonBody(req)) : undefined;
    const handler = options.handlers[match.name] as (input: unknown) => unknown;
    const result = handler({ params: match.params, query, body });
    const checked = match.spec.response.safeParse(result);
    if (!checked.success) {
      throw new Error(`Response of ${match.name} breaks its schema: ${describeIssues(checked.error)}`);
    }
    sendJson(res, 200, checked.data);
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
