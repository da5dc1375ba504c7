/**
 * Stands in for a misbehaving vendor: forwards every request to the real
 * sandbox and lets a test rewrite one response body on its way back.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Tamper = (path: string, body: unknown) => unknown;

export interface TamperingProxy {
  url: string;
  tamper: Tamper | null;
  close(): Promise<void>;
}

export async function startTamperingProxy(targetUrl: string): Promise<TamperingProxy> {
  const proxy: TamperingProxy = { url: '', tamper: null, close: async () => {} };
  const server = http.createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(targetUrl + (req.url ?? '/'), {
        method: req.method,
        headers: { authorization: req.headers.authorization ?? '' },
      });
      const text = await upstream.text();
      const path = new URL(req.url ?? '/', 'http://proxy').pathname;
      const body = proxy.tamper && upstream.ok ? JSON.stringify(proxy.tamper(path, JSON.parse(text))) : text;
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(body);
    })().catch(() => {
      res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}
