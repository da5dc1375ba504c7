import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchHostedDocument } from '../../../electron/core/billing-api/hosted-document';

/** A local stand-in for the billing service's invoice pages, counting what it is asked for. */
async function invoiceHost(routes: Record<string, (res: http.ServerResponse) => void>) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const hosts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function started(routes: Record<string, (res: http.ServerResponse) => void>) {
  const host = await invoiceHost(routes);
  hosts.push(host);
  return host;
}

describe('invoice pages the billing service links to', () => {
  it('downloads a page on the billing service, following redirects that stay there', async () => {
    const api = await started({
      '/hosted/in_1': (res) => res.writeHead(302, { location: '/hosted/in_1/v2' }).end(),
      '/hosted/in_1/v2': (res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Invoice 1</h1>'),
    });

    const html = await fetchHostedDocument(`${api.origin}/hosted/in_1`, { allowedOrigins: [api.origin] });

    expect(html).toBe('<h1>Invoice 1</h1>');
    expect(api.hits).toEqual(['/hosted/in_1', '/hosted/in_1/v2']);
  });

  it('never fetches a link or a redirect that leaves the billing service', async () => {
    const elsewhere = await started({ '/steal': (res) => res.writeHead(200).end('other host') });
    const api = await started({
      '/hosted/in_2': (res) => res.writeHead(302, { location: `${elsewhere.origin}/steal` }).end(),
    });
    const rules = { allowedOrigins: [api.origin] };

    await expect(fetchHostedDocument(`${elsewhere.origin}/steal`, rules)).rejects.toThrow(
      /not at the billing service/,
    );
    await expect(fetchHostedDocument(`${api.origin}/hosted/in_2`, rules)).rejects.toThrow(
      /not at the billing service/,
    );
    await expect(
      fetchHostedDocument('http://billing.example.com/in_3', {
        allowedOrigins: ['http://billing.example.com'],
      }),
    ).rejects.toThrow(/not at the billing service/);
    await expect(fetchHostedDocument('file:///etc/passwd', rules)).rejects.toThrow(/not a web address/);
    expect(elsewhere.hits).toEqual([]);
  });

  it('stops reading a page that grows past the size cap', async () => {
    const api = await started({
      '/hosted/huge': (res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        for (let i = 0; i < 32; i++) res.write(chunk);
        res.end();
      },
    });

    await expect(
      fetchHostedDocument(`${api.origin}/hosted/huge`, {
        allowedOrigins: [api.origin],
        maxBytes: 256 * 1024,
      }),
    ).rejects.toThrow('The invoice page is too large.');
  });
});
