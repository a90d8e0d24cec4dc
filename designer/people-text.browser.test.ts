import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** An order's drawer in people's words: the timeline as sentences, a cancel that looks and asks like one, and an end state that says the order is finished. */
describe('people-facing text in the order drawer', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  let h: Harness;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser, h } = session);
    await h.startWorker(await bundleWorkflows());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('reads the timeline as sentences, asks before cancelling, and says the cancelled order is finished', async () => {
    // The area takes one order at a time: the first holds it, so the second waits in the pool.
    const first = await h.postOrder('TEXT-0', 24);
    await expect.poll(async () => (await h.getOrder(first.id)).state, { timeout: 30_000 }).not.toMatch(/^(captured|validating|queued)$/);
    const order = await h.postOrder('TEXT-1', 24);
    await h.reach(order.id, 'queued');
    const held = await h.request(`/orders/${order.id}/actions`, { method: 'POST', role: 'finance', body: JSON.stringify({ action: 'hold', holdType: 'credit', reason: 'Customer disputes the invoice.' }) });
    expect(held.status).toBe(200);

    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('desk-filter').getByText('All', { exact: true }).click();
    await page.getByTestId('orders-table').getByText('TEXT-1').click();
    const drawer = page.getByTestId('order-drawer');
    const timeline = drawer.getByTestId('order-timeline');
    await timeline.getByText('Held for credit by the integration test finance: Customer disputes the invoice.', { exact: true }).waitFor();
    await timeline.getByText('Order taken in.', { exact: true }).waitFor();
    expect(await timeline.getByText('HOLD', { exact: true }).count()).toBe(0);

    await drawer.getByTestId('action-reason').fill('Customer called to cancel.');
    const cancel = drawer.getByTestId('action-cancel');
    expect(await cancel.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgb\((2[0-9]{2}), ([0-9]{1,2}), ([0-9]{1,2})\)$/);
    await cancel.click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this order?' });
    await confirm.getByText('A cancelled order is finished', { exact: false }).waitFor();
    // The dialog fades in; axe and the screenshot wait until it is fully shown.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="action-confirm"]')!.closest('.mantine-Modal-content')!).opacity === '1');
    await checkScreen(page, 'order-cancel-confirm');
    await confirm.getByTestId('action-confirm').click();
    await drawer.getByTestId('order-finished').getByText('Cancelled: this order is finished', { exact: false }).waitFor();
    await timeline.getByText('Cancelled by Dan Okafor: Customer called to cancel. The order is finished.', { exact: true }).waitFor();
    await drawer.getByText('Nothing more to do: this order is finished.').waitFor();
    await checkScreen(page, 'order-finished-timeline');
    await page.close();
  });
});
