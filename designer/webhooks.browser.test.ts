import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { startWebhookReceiver } from '../test/webhook-receiver.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

// The receiver is on loopback; read when the designer's API and worker are built.
process.env.SLUICE_WEBHOOKS_ALLOW_NETWORKS = '127.0.0.1';

/** An admin registers a webhook endpoint in the app, copies its secret, sends a test event and reads the delivery log. */
describe('webhooks in the admin screen', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    session = await openDesigner();
    ({ url, browser } = session);
    await session.h.startWorker(await bundleWorkflows());
  });
  afterAll(async () => {
    await session?.close();
    await receiver?.stop();
  });

  it('registers an endpoint, shows its secret once, sends a test event and shows it delivered', async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('ada');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'ada')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-admin').click();
    await page.getByTestId('admin-tab-webhooks').click();
    await page.getByTestId('webhook-url').fill(receiver.url('/from-the-app'));
    await page.getByTestId('webhook-description').fill('Warehouse system');
    await page.getByTestId('register-webhook-submit').click();
    const secret = await page.getByTestId('webhook-secret').textContent();
    expect(secret).toMatch(/^whsec_/);
    // As for the drawer below: a trial click waits until the modal has stopped popping in, so the screenshot and axe see it whole.
    await page.getByTestId('webhook-secret-done').click({ trial: true });
    await checkScreen(page, 'webhook-secret');
    await page.getByTestId('webhook-secret-done').click();

    const row = page.getByTestId('webhooks-table').locator('tr', { hasText: receiver.url('/from-the-app') });
    await row.getByRole('button', { name: 'Test' }).click();
    await row.getByText('A test event is on its way.').waitFor();
    await expect.poll(() => receiver.at('/from-the-app').length, { timeout: 20_000 }).toBe(1);
    await row.getByRole('button', { name: 'Log' }).click();
    const log = page.getByTestId('webhook-log');
    await log.getByText('webhook.test').waitFor();
    await log.getByText('delivered').waitFor();
    // A trial click waits until the drawer has stopped sliding in, so the screenshot shows it open.
    await log.getByRole('button', { name: 'Refresh' }).click({ trial: true });
    await checkScreen(page, 'webhook-log');
    await page.close();
  });
});
