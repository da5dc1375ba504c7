/**
 * Plain node:http requests, because the tests need to send what a browser
 * never would (a foreign Host header, an undecoded "../" path, no cookie).
 */
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(origin: string, options: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Requests a printed sign-in URL as a browser would, without following the redirect. */
export function openSignInUrl(url: string, headers?: Record<string, string>): Promise<RawResponse> {
  const { origin, pathname, search } = new URL(url);
  return rawRequest(origin, { path: `${pathname}${search}`, headers });
}

/** Opens the secret URL like a browser would and returns the session cookie it was given. */
export async function signIn(url: string): Promise<string> {
  const response = await openSignInUrl(url);
  const setCookie = response.headers['set-cookie'];
  const cookie = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (response.status !== 302 || !cookie) {
    throw new Error(`Signing in to the web host failed with HTTP ${response.status}.`);
  }
  return cookie.split(';')[0] ?? '';
}

export async function invoke(
  origin: string,
  cookie: string,
  channel: string,
  input: unknown,
): Promise<RawResponse & { json: unknown }> {
  const response = await rawRequest(origin, {
    method: 'POST',
    path: `/api/invoke/${channel}`,
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { ...response, json: JSON.parse(response.body) as unknown };
}
