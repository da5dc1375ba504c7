import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, openSignInUrl, rawRequest, signIn } from './support/raw-http';
import { INDEX_HTML, startTestHost, type TestHost } from './support/test-host';

let testHost: TestHost;
let origin: string;

beforeAll(async () => {
  testHost = await startTestHost();
  origin = testHost.host.origin;
});

afterAll(async () => {
  await testHost?.stop();
});

const HOW_TO_GET_ANOTHER = 'press Enter in the terminal running npm run web';

describe('a printed sign-in URL works once', () => {
  it('refuses the second opening, says the link was used, and leaves the first session working', async () => {
    const url = testHost.host.signInUrl();
    const cookie = await signIn(url);

    const again = await openSignInUrl(url);
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('This sign-in link was already used');
    expect(again.body).toContain(HOW_TO_GET_ANOTHER);
    expect(again.body).not.toBe(INDEX_HTML);

    const page = await rawRequest(origin, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    expect((await invoke(origin, cookie, 'app.info', {})).status).toBe(200);
  });

  it('hands a second browser its own session only through a new URL', async () => {
    const first = await signIn(testHost.host.signInUrl());
    const second = await signIn(testHost.host.signInUrl());

    expect(second).not.toBe(first);
    for (const cookie of [first, second]) {
      expect((await rawRequest(origin, { path: '/', headers: { cookie } })).status).toBe(200);
    }
  });

  it('gives a racing second request with the same URL nothing', async () => {
    const url = testHost.host.signInUrl();
    const answers = await Promise.all([openSignInUrl(url), openSignInUrl(url)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 401]);
    expect(answers.filter((answer) => answer.headers['set-cookie'] !== undefined)).toHaveLength(1);
  });

  it('sends the browser the URL already signed in on to the app, without a new session', async () => {
    const url = testHost.host.signInUrl();
    const cookie = await signIn(url);

    const again = await openSignInUrl(url, { cookie });
    expect(again.status).toBe(302);
    expect(again.headers.location).toBe('/');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('withdraws a URL that was never opened once a newer one is printed', async () => {
    const older = testHost.host.signInUrl();
    const newer = testHost.host.signInUrl();

    const refused = await openSignInUrl(older);
    expect(refused.status).toBe(401);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(refused.body).toContain('This sign-in link was replaced by a newer one');
    expect(refused.body).toContain(HOW_TO_GET_ANOTHER);
    expect((await openSignInUrl(newer)).status).toBe(302);
  });

  it('answers a guessed secret with the plain hint, claiming nothing about it', async () => {
    const guessed = await rawRequest(origin, { path: '/?secret=guessed-secret' });

    expect(guessed.status).toBe(401);
    expect(guessed.body).toContain('Open the URL printed by npm run web.');
    expect(guessed.body).toContain(HOW_TO_GET_ANOTHER);
    expect(guessed.body).not.toContain('already used');
  });
});
