/** Reads the web host's server-sent events the way EventSource would. */
import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  response: IncomingMessage;
  /** Resolves with the first event (already received or yet to come) that matches. */
  next(match: (event: ServerSentEvent) => boolean, timeoutMs?: number): Promise<ServerSentEvent>;
  close(): void;
}

function parseBlock(block: string): ServerSentEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trim());
  }
  return data.length === 0 ? null : { event, data: JSON.parse(data.join('\n')) as unknown };
}

export function openEventStream(origin: string, cookie: string): Promise<EventStream> {
  const { hostname, port } = new URL(origin);
  const received: ServerSentEvent[] = [];
  const waiters = new Set<() => void>();
  let req: ClientRequest;

  return new Promise((resolve, reject) => {
    req = request({ hostname, port, path: '/api/events', headers: { cookie } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const parsed = parseBlock(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (parsed) received.push(parsed);
          end = buffer.indexOf('\n\n');
        }
        for (const wake of waiters) wake();
      });
      resolve({
        response,
        next(match, timeoutMs = 20_000) {
          return new Promise((resolveEvent, rejectEvent) => {
            const check = () => {
              const found = received.find(match);
              if (!found) return;
              waiters.delete(check);
              clearTimeout(timer);
              resolveEvent(found);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              rejectEvent(new Error(`No matching server-sent event within ${timeoutMs} ms.`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
