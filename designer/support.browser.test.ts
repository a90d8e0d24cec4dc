import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { trackingTokenOf } from '../store/documents/order-tracking.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import type { Harness } from '../test/sluice-harness.ts';

/** A customer asks from the tracking page; a dispatcher takes and answers it in the Support tab; the customer reads the answer. */
describe('the support desk, in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;
  beforeAll(async () => {
    session = await openDesigner();
    ({ h, url, browser } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('a customer raises a ticket, a dispatcher answers it, and the answer shows on the tracking page', { timeout: 240_000 }, async () => {
    const order = await h.postOrder(`HELP-${Date.now()}`, 5);
    const token = await trackingTokenOf(h.store.em.fork(), order.id);

    const customer = await openPage(browser, { viewport: { width: 480, height: 900 }, locale: 'en-GB' });
    await customer.goto(`${url}/track/${token}`);
    await customer.getByLabel('About', { exact: true }).selectOption('change_delivery');
    await customer.getByLabel('Your name').fill('Carla Customer');
    await customer.getByLabel('Email or phone').fill('carla@example.com');
    await customer.getByLabel('Your message').fill('Can it come on Friday instead?');
    await customer.getByRole('button', { name: 'Send', exact: true }).click();
    await customer.getByRole('status').waitFor();
    await customer.getByText('Waiting for an answer').waitFor();
    await checkScreen(customer, 'support-ticket-raised', { fullPage: true });

    const dan = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await dan.goto(url);
    await dan.getByTestId('login-username').fill('dan');
    await dan.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await dan.getByTestId('login-submit').click();
    await dan.getByTestId('tab-support').click();
    const row = dan.getByTestId('support-row').filter({ hasText: order.reference! });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Change the delivery');
    await checkScreen(dan, 'support-queue');
    await row.getByRole('button').click();
    const drawer = dan.getByTestId('ticket-drawer');
    await drawer.getByText('Can it come on Friday instead?').waitFor();
    await drawer.getByTestId('ticket-take').click();
    await drawer.getByText('with dan').waitFor();
    await drawer.getByTestId('ticket-answer').fill('Yes: Friday between 9 and 12.');
    await drawer.getByTestId('ticket-send-answer').click();
    await drawer.getByTestId('ticket-status').getByText('Answered').waitFor();
    await drawer.getByTestId('ticket-reply').getByText('Yes: Friday between 9 and 12.').waitFor();
    await checkScreen(dan, 'support-ticket-answered');

    await customer.goto(`${url}/track/${token}`);
    await customer.getByText('Yes: Friday between 9 and 12.').waitFor();
    await expect(customer.locator('.ticket').textContent()).resolves.toContain('Answered');
    await checkScreen(customer, 'support-answer-on-tracking-page', { fullPage: true });
    await customer.close();
    await dan.close();
  });
});
