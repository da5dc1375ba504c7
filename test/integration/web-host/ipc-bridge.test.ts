import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncStatus } from '../../../shared/ipc/models';
import { openEventStream } from './support/event-stream';
import { invoke, rawRequest, signIn } from './support/raw-http';
import { startTestHost, type TestHost } from './support/test-host';

let testHost: TestHost;
let origin: string;
let cookie: string;

beforeAll(async () => {
  testHost = await startTestHost();
  origin = testHost.host.origin;
  cookie = await signIn(testHost.host.signInUrl());
});

afterAll(async () => {
  await testHost?.stop();
});

describe('POST /api/invoke/<channel>', () => {
  it('answers with the IpcResult envelope of the core', async () => {
    const response = await invoke(origin, cookie, 'app.info', {});

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json).toMatchObject({ ok: true, value: { signedIn: true, demo: true } });
  });

  it('answers invalid input with a typed validation error and changes nothing', async () => {
    const before = (await invoke(origin, cookie, 'app.info', {})).json;
    expect(before).toMatchObject({ ok: true, value: { signedIn: true } });

    const response = await invoke(origin, cookie, 'session.signIn', { apiUrl: 'not a url', token: '' });

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const after = (await invoke(origin, cookie, 'app.info', {})).json;
    expect(after).toEqual(before);
  });

  it('rejects input with unexpected fields', async () => {
    const response = await invoke(origin, cookie, 'clients.list', { sort: 'balance', drop: 'table' });
    expect(response.json).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('answers an unknown channel with 404 and a not_found envelope', async () => {
    const response = await invoke(origin, cookie, 'clients.delete', {});

    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  });

  it('accepts only JSON bodies up to 1 MB', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      rawRequest(origin, {
        method: 'POST',
        path: '/api/invoke/app.info',
        headers: { cookie, ...headers },
        body,
      });

    const plainText = await post({ 'content-type': 'text/plain' }, '{}');
    const brokenJson = await post({ 'content-type': 'application/json' }, '{"search":');
    const huge = await post(
      { 'content-type': 'application/json' },
      JSON.stringify({ search: 'x'.repeat(1_100_000) }),
    );

    expect(plainText.status).toBe(415);
    expect(brokenJson.status).toBe(400);
    expect(JSON.parse(brokenJson.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(huge.status).toBe(413);
  });
});

describe('GET /api/events', () => {
  it('starts every stream with the current state, so a reconnecting page misses nothing', async () => {
    const currentStatus = async () =>
      ((await invoke(origin, cookie, 'sync.status', {})).json as { value: SyncStatus }).value;
    await expect.poll(async () => (await currentStatus()).state, { timeout: 20_000 }).toBe('idle');
    const expected = await currentStatus();
    const stream = await openEventStream(origin, cookie);
    try {
      const status = await stream.next((candidate) => candidate.event === 'sync.status');
      expect(status.data).toEqual(expected);
      const notices = await stream.next((candidate) => candidate.event === 'notices.changed');
      expect(notices.data).toEqual([]);
      const changed = await stream.next((candidate) => candidate.event === 'cache.changed');
      expect(changed.data).toEqual({ scopes: ['account', 'clients', 'catalog', 'ledger', 'invoices'] });
    } finally {
      stream.close();
    }
  });

  it('streams sync.status events after sync.now', async () => {
    const stream = await openEventStream(origin, cookie);
    try {
      expect(stream.response.statusCode).toBe(200);
      expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');

      const snapshot = await stream.next((candidate) => candidate.event === 'sync.status');
      const result = await invoke(origin, cookie, 'sync.now', {});
      expect(result.json).toMatchObject({ ok: true });

      const event = await stream.next(
        (candidate) => candidate.event === 'sync.status' && candidate !== snapshot,
      );
      expect(SyncStatus.safeParse(event.data).success).toBe(true);
    } finally {
      stream.close();
    }
  });
});
