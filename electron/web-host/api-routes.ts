/** The IPC contract over HTTP: one POST per invoke, one server-sent event stream for pushes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_NAMES, isChannelName, type EventName } from '../../shared/ipc/contract';
import { CACHE_SCOPES } from '../../shared/ipc/models';
import type { AppRuntime } from '../core/runtime/types';
import { API_HEADERS, sendEnvelopeError, sendJson } from './responses';

export const MAX_BODY_BYTES = 1024 * 1024;
const KEEP_ALIVE_MS = 15_000;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? '0') > MAX_BODY_BYTES) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else reject(new BodyTooLarge());
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isJsonContentType(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

export async function handleInvoke(
  runtime: AppRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendEnvelopeError(res, 405, 'validation', 'Use POST to invoke a channel.');
    return;
  }
  if (!isChannelName(channel)) {
    sendEnvelopeError(res, 404, 'not_found', `Unknown channel "${channel}".`);
    return;
  }
  if (!isJsonContentType(req)) {
    sendEnvelopeError(res, 415, 'validation', 'The request body must be application/json.');
    return;
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      // Discard the rest of the upload so the client reads the answer rather than a reset connection.
      res.setHeader('Connection', 'close');
      sendEnvelopeError(res, 413, 'validation', 'The request body is larger than 1 MB.');
      req.resume();
      return;
    }
    throw error;
  }
  let input: unknown;
  try {
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    sendEnvelopeError(res, 400, 'validation', 'The request body is not valid JSON.');
    return;
  }
  sendJson(res, 200, await runtime.invoke(channel, input));
}

/** Open event streams, so closing the host can end them instead of waiting for browsers to hang up. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly runtime: AppRuntime) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendEnvelopeError(res, 405, 'validation', 'Use GET to listen for events.');
      return;
    }
    res.writeHead(200, {
      ...API_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(': connected\n\n');
    const send = (name: EventName, payload: unknown) =>
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    const unsubscribers = EVENT_NAMES.map((name) =>
      this.runtime.events.on(name, (payload) => send(name, payload)),
    );
    void this.sendSnapshot(send);
    // Comments keep idle proxies and the browser from treating the stream as dead.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.open.add(res);
    res.on('close', () => {
      clearInterval(keepAlive);
      for (const unsubscribe of unsubscribers) unsubscribe();
      this.open.delete(res);
    });
  }

  /**
   * EventSource reconnects by itself after a drop, but events sent meanwhile are
   * lost: every new stream starts with the current sync status and notices, and
   * tells the page to re-read the cache, so nothing stays stale.
   */
  private async sendSnapshot(send: (name: EventName, payload: unknown) => void): Promise<void> {
    const { handlers } = this.runtime;
    send('sync.status', await handlers['sync.status']({}));
    send('notices.changed', await handlers['notices.list']({}));
    send('cache.changed', { scopes: [...CACHE_SCOPES] });
  }

  closeAll(): void {
    for (const res of this.open) res.end();
  }
}
