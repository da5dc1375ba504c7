import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/security/content-security-policy';
import { rawRequest, signIn } from './support/raw-http';
import { APP_JS, INDEX_HTML, OUTSIDE_SECRET, startTestHost, type TestHost } from './support/test-host';

let testHost: TestHost;
let origin: string;
let port: string;

beforeAll(async () => {
  testHost = await startTestHost();
  origin = testHost.host.origin;
  port = new URL(origin).port;
});

afterAll(async () => {
  await testHost?.stop();
});

describe('signing in with the printed URL', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and redirects to / without the secret', async () => {
    const { pathname, search } = new URL(testHost.host.signInUrl());
    const response = await rawRequest(origin, { path: `${pathname}${search}` });

    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^abc_session_${port}=[A-Za-z0-9_-]{20,};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
  });

  it('lets the cookie holder load the app with the security headers', async () => {
    const cookie = await signIn(testHost.host.signInUrl());
    const response = await rawRequest(origin, { path: '/', headers: { cookie } });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe(INDEX_HTML);
    const sandbox = testHost.runtime.sandbox;
    expect(sandbox).not.toBeNull();
    const sandboxOrigin = new URL(sandbox?.url ?? '').origin;
    expect(response.headers['content-security-policy']).toBe(
      contentSecurityPolicy({ asHeader: true, sandboxOrigin }),
    );
    const csp = String(response.headers['content-security-policy']).split('; ');
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(csp.find((directive) => directive.startsWith('script-src '))).toContain(sandboxOrigin);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('rejects a wrong secret without handing out a cookie', async () => {
    const response = await rawRequest(origin, { path: '/?secret=guessed-secret' });

    expect(response.status).toBe(401);
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('requests without a valid session', () => {
  it('shows where to find the sign-in URL instead of the app', async () => {
    const response = await rawRequest(origin, { path: '/' });

    expect(response.status).toBe(401);
    expect(response.body).toContain('Open the URL printed by npm run web');
    expect(response.body).not.toBe(INDEX_HTML);
  });

  it.each([
    ['GET', '/assets/app.js'],
    ['GET', '/api/events'],
    ['POST', '/api/invoke/app.info'],
  ])('refuses %s %s', async (method, path) => {
    const response = await rawRequest(origin, {
      method,
      path,
      headers: { 'content-type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(response.status).toBe(401);
  });

  it('refuses a forged session cookie', async () => {
    const response = await rawRequest(origin, {
      path: '/',
      headers: { cookie: `abc_session_${port}=forged-token-value` },
    });
    expect(response.status).toBe(401);
  });
});

describe('DNS rebinding and cross-site requests', () => {
  // PORT stands for the host's real port, known only once it is listening.
  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1:1', '127.0.0.1.nip.io:PORT', '[::1]:PORT'])(
    'rejects Host %s even with a valid session',
    async (hostTemplate) => {
      const cookie = await signIn(testHost.host.signInUrl());
      const host = hostTemplate.replace('PORT', port);
      const response = await rawRequest(origin, { path: '/', headers: { host, cookie } });
      expect([403, 421]).toContain(response.status);
      expect(response.body).not.toBe(INDEX_HTML);
    },
  );

  it('accepts the localhost name for the same port', async () => {
    const cookie = await signIn(testHost.host.signInUrl());
    const response = await rawRequest(origin, { path: '/', headers: { host: `localhost:${port}`, cookie } });
    expect(response.status).toBe(200);
  });

  it('refuses a POST from another origin and answers one from its own', async () => {
    const cookie = await signIn(testHost.host.signInUrl());
    const post = (requestOrigin: string) =>
      rawRequest(origin, {
        method: 'POST',
        path: '/api/invoke/app.info',
        headers: { cookie, origin: requestOrigin, 'content-type': 'application/json' },
        body: '{}',
      });

    expect((await post('http://evil.example')).status).toBe(403);
    expect((await post(`http://localhost:${Number(port) + 1}`)).status).toBe(403);
    expect((await post(origin)).status).toBe(200);
  });
});

describe('static files', () => {
  it('serves assets with their content type', async () => {
    const cookie = await signIn(testHost.host.signInUrl());
    const response = await rawRequest(origin, { path: '/assets/app.js', headers: { cookie } });

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body).toBe(APP_JS);
  });

  it('lets the browser keep built assets (their names change with their content) but not the page', async () => {
    const cookie = await signIn(testHost.host.signInUrl());
    const asset = await rawRequest(origin, { path: '/assets/app.js', headers: { cookie } });
    const page = await rawRequest(origin, { path: '/', headers: { cookie } });

    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(page.headers['cache-control']).toMatch(/no-(cache|store)/);
  });

  it('falls back to index.html for app routes but not for missing assets', async () => {
    const cookie = await signIn(testHost.host.signInUrl());
    const route = await rawRequest(origin, { path: '/clients/some-client', headers: { cookie } });
    const asset = await rawRequest(origin, { path: '/assets/missing.js', headers: { cookie } });

    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
    expect(asset.status).toBe(404);
  });

  it.each(['/../outside.txt', '/%2e%2e/outside.txt', '/..%2foutside.txt', '/assets/..%2f..%2foutside.txt'])(
    'never serves files outside the renderer folder (%s)',
    async (path) => {
      const cookie = await signIn(testHost.host.signInUrl());
      const response = await rawRequest(origin, { path, headers: { cookie } });

      expect([400, 403, 404]).toContain(response.status);
      expect(response.body).not.toContain(OUTSIDE_SECRET);
    },
  );
});
