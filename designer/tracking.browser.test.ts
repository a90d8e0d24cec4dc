import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { trackingTokenOf } from '../store/documents/order-tracking.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import type { Harness } from '../test/sluice-harness.ts';

/** A customer opens the link on their label with no session, reads the status and asks a question; an order processor finds it in the order. */
describe('the tracking page, as a customer', () => {
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

  it('shows the order\'s status without sign-in, sends a ticket, and the ticket shows in the order\'s drawer', { timeout: 240_000 }, async () => {
    const order = await h.postOrder('TRACK-1', 5);
    const token = await trackingTokenOf(h.store.em.fork(), order.id);

    const customer = await openPage(browser, { viewport: { width: 480, height: 900 }, locale: 'en-GB' });
    const res = await customer.goto(`${url}/track/${token}`);
    expect(res?.status()).toBe(200);
    await expect(customer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your order TRACK-1');
    await expect(customer.locator('.status').textContent()).resolves.toBe('Received');
    await checkScreen(customer, 'tracking-page', { fullPage: true });

    await customer.getByLabel('Your name').fill('Carla Customer');
    await customer.getByLabel('Email or phone').fill('carla@example.com');
    await customer.getByLabel('Your message').fill('Could you deliver after 5 pm?');
    await customer.getByRole('button', { name: 'Send' }).click();
    await customer.getByRole('status').waitFor();
    await expect(customer.getByRole('status').textContent()).resolves.toContain('we have your message');
    await checkScreen(customer, 'tracking-page-ticket-sent', { fullPage: true });

    const staff = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await staff.goto(url);
    await staff.getByTestId('login-username').fill('paula');
    await staff.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'paula')!.password);
    await staff.getByTestId('login-submit').click();
    await staff.getByTestId('orders-table').getByText('TRACK-1').click();
    const ticket = staff.getByTestId('order-drawer').getByTestId('support-ticket');
    await ticket.waitFor();
    await expect(ticket.textContent()).resolves.toContain('Could you deliver after 5 pm?');
  });
});
