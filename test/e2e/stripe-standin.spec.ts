/**
 * The Stripe.js stand-in in a real browser: a blank page loads /stripe/v3.js from
 * the sandbox, then drives 3-D Secure and Embedded Checkout by role and name.
 */
import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';

let sandbox: SandboxHandle;

test.beforeAll(async () => {
  sandbox = await startSandbox({ now: () => new Date('2026-06-15T14:30:00.000Z') });
});
test.afterAll(() => sandbox.close());

async function api(
  method: string,
  path: string,
  body?: unknown,
  key?: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${sandbox.token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function topUpWithCard(card: string, key: string): Promise<{ id: string; client_secret: string }> {
  await api('PUT', '/sandbox/card', { number: card });
  const clients = (await api('GET', '/v1/clients?limit=1')).data as { id: string }[];
  const result = await api(
    'POST',
    `/v1/clients/${clients[0]?.id ?? ''}/top-ups`,
    { pack_id: 'pack_1k' },
    key,
  );
  return result.top_up as { id: string; client_secret: string };
}

async function loadStandin(page: Page, body = ''): Promise<void> {
  await page.setContent(
    `<!doctype html><html><body>${body}<script src="${sandbox.url}/stripe/v3.js"></script></body></html>`,
  );
  await page.waitForFunction(
    () => typeof (globalThis as unknown as { Stripe?: unknown }).Stripe === 'function',
  );
}

test('handleNextAction shows the test authentication page and resolves like Stripe', async ({ page }) => {
  const complete = await topUpWithCard('4000002760003184', 'e2e-3ds-complete');
  await loadStandin(page);
  const run = (clientSecret: string) =>
    page.evaluate(
      (secret) =>
        (
          globalThis as unknown as {
            Stripe: (pk: string) => { handleNextAction(o: object): Promise<unknown> };
          }
        )
          .Stripe('pk_test_sandbox')
          .handleNextAction({ clientSecret: secret }),
      clientSecret,
    );

  const succeeded = run(complete.client_secret);
  const frame = page.frameLocator('iframe[title="Payment authentication"]');
  await frame.getByRole('button', { name: 'Complete authentication' }).click();
  expect(await succeeded).toMatchObject({ paymentIntent: { id: complete.id, status: 'succeeded' } });
  await expect(page.locator('iframe')).toHaveCount(0);

  const fail = await topUpWithCard('4000002760003184', 'e2e-3ds-fail');
  const failed = run(fail.client_secret);
  await frame.getByRole('button', { name: 'Fail authentication' }).click();
  expect(await failed).toMatchObject({ error: { code: 'payment_intent_authentication_failure' } });

  const abandon = await topUpWithCard('4000002760003184', 'e2e-3ds-abandon');
  const abandoned = run(abandon.client_secret);
  await expect(frame.getByRole('button', { name: 'Complete authentication' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await abandoned).toMatchObject({ error: { code: 'payment_intent_authentication_failure' } });
});

test('Embedded Checkout shows declines inline and completes with a good card', async ({ page }) => {
  const declined = await topUpWithCard('4000000000000002', 'e2e-checkout');
  const session = await api('POST', `/v1/top-ups/${declined.id}/checkout-session`);
  await loadStandin(page, '<div id="checkout"></div>');
  await page.evaluate(async (secret) => {
    const w = globalThis as unknown as {
      completed: boolean;
      Stripe: (pk: string) => {
        createEmbeddedCheckoutPage(o: object): Promise<{ mount(target: string): void }>;
      };
    };
    w.completed = false;
    const checkout = await w.Stripe('pk_test_sandbox').createEmbeddedCheckoutPage({
      fetchClientSecret: () => Promise.resolve(secret),
      onComplete: () => {
        w.completed = true;
      },
    });
    checkout.mount('#checkout');
  }, session.client_secret as string);

  const form = page.frameLocator('iframe[title="Secure checkout"]');
  await form.getByLabel('Card number').fill('4000 0000 0000 0002');
  await form.getByLabel('Expiry').fill('12 / 34');
  await form.getByLabel('CVC').fill('123');
  await form.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText('Your card was declined.');

  await form.getByLabel('Card number').fill('4242 4242 4242 4242');
  await form.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(form.getByRole('heading', { name: 'Payment complete' })).toBeVisible();
  await page.waitForFunction(() => (globalThis as unknown as { completed: boolean }).completed);
});
