/**
 * The web host's CSP is computed when it starts: in demo mode it names the
 * embedded sandbox (which serves the Stripe.js stand-in), against a real
 * billing backend it names no loopback origin at all.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { startWebHost, type WebHost } from '../../../electron/web-host/server';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { contentSecurityPolicy } from '../../../shared/security/content-security-policy';
import { rawRequest, signIn } from './support/raw-http';
import { INDEX_HTML } from './support/test-host';

let root: string;
let backend: SandboxHandle;
let runtime: AppRuntime;
let host: WebHost;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'abc-web-host-csp-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  // A separately started sandbox stands in for the real billing backend: the app does not embed it.
  backend = await startSandbox({ dataDir: join(root, 'backend') });
  const dataDir = join(root, 'data');
  runtime = await startAppRuntime({
    env: { APP_DATA_DIR: dataDir, BILLING_API_URL: backend.url, BILLING_API_TOKEN: backend.token },
    defaultDataDir: dataDir,
    version: '0.0.0-test',
    secretStore: new MemorySecretStore(),
  });
  host = await startWebHost({ runtime, rendererDir, port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await host?.close();
  await runtime?.stop();
  await backend?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the web host CSP against a real billing backend', () => {
  it('is the production policy: Stripe sources only, no loopback origin', async () => {
    expect(runtime.sandbox).toBeNull();
    const cookie = await signIn(host.signInUrl());
    const page = await rawRequest(host.origin, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    const policy = page.headers['content-security-policy'];
    expect(policy).toBe(contentSecurityPolicy({ asHeader: true }));
    expect(policy).not.toContain(new URL(backend.url).origin);
    expect(policy).not.toContain('127.0.0.1');
  });

  it('sends the same policy with the sign-in hint page', async () => {
    const hint = await rawRequest(host.origin, { path: '/' });
    expect(hint.status).toBe(401);
    expect(hint.headers['content-security-policy']).toBe(contentSecurityPolicy({ asHeader: true }));
  });
});
