import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** A dispatcher has the app open; a specialist escalates an order to the dispatchers; the bell tells at once. */
describe('the notification centre', () => {
  let session: DesignerSession | undefined;
  beforeAll(async () => {
    session = await openDesigner();
    await session.h.startWorker(await bundleWorkflows());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('an escalation to my role appears live with the unread count; opening it goes to the order and clears the count', async () => {
    const { h, url, browser } = session!;
    // Due within 12 hours: the default rules hold later delivery orders back in the evening (not this pick order's case, but kept safe).
    const order = await h.postOrder('NOTIFY-1', 2);
    await h.reach(order.id, 'queued');

    const page = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await bell.and(page.getByRole('button', { name: 'Notifications, none unread' })).waitFor();

    const res = await h.request(`/orders/${order.id}/actions`, { method: 'POST', role: 'specialist', body: JSON.stringify({ action: 'escalate', role: 'dispatcher', reason: 'The customer asked for a call before loading' }) });
    expect(res.status).toBe(200);

    // No reload: the stream tells the app.
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 45_000 });
    await bell.click();
    const item = page.getByTestId('notification-item').filter({ hasText: 'Order NOTIFY-1 escalated to the dispatcher queue' });
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    await expect(item.textContent()).resolves.toContain('The customer asked for a call before loading');
    await checkScreen(page, 'notifications-open');

    await item.click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'orders' && u.searchParams.get('order') === order.id);
    // The link opens the order itself.
    const drawer = page.getByTestId('order-drawer');
    await drawer.waitFor();
    expect(await drawer.getAttribute('data-order-id')).toBe(order.id);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    await bell.click();
    expect(await page.getByTestId('notification-item').first().getAttribute('data-read')).toBe('true');
    await checkScreen(page, 'notifications-read');
  });
});
