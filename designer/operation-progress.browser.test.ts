import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { OrderSummary } from '../domain/order.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** A dispatcher follows a production order's routing in its drawer, completes its next step, and sees the load move on the areas screen. */
describe('operation progress in the app', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  let h: Harness;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser, h } = session);
    const em = h.store.em.fork();
    em.create(WorkAreaRecord, { id: 'saw-line', name: 'Saw line', kind: 'production_line', wipLimit: 4, workloadNormHours: 6, loadCorrection: 'plain' });
    em.create(WorkAreaRecord, { id: 'paint-line', name: 'Paint line', kind: 'production_line', wipLimit: 4, workloadNormHours: 8, loadCorrection: 'plain' });
    await em.flush();
    await h.startWorker(await bundleWorkflows());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows each step waiting, arrived or done; the next step is completed from the drawer; the areas show released and direct load', async () => {
    const posted = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({
        reference: 'ROUTED-1',
        account: 'ACME',
        kind: 'production',
        dueAt: hoursFromNow(24),
        workAreaId: 'saw-line',
        routing: [
          { workAreaId: 'saw-line', hours: 2 },
          { workAreaId: 'paint-line', hours: 3 },
        ],
        lines: [{ sku: 'SKU-1', qty: 1, price: 5 }],
      }),
    });
    const order = (await posted.json()) as OrderSummary;
    await h.reach(order.id, 'assigned');
    expect((await h.request(`/orders/${order.id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'start' }) })).status).toBe(200);

    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('desk-filter').getByText('All', { exact: true }).click();
    await page.getByTestId('orders-table').getByText('ROUTED-1').click();
    const drawer = page.getByTestId('order-drawer');
    const routing = drawer.getByTestId('order-routing');
    await routing.waitFor();
    expect(await drawer.getByTestId('operation-1').textContent()).toContain('arrived');
    expect(await drawer.getByTestId('operation-2').textContent()).toContain('waiting');
    await drawer.getByTestId('complete-next-operation').click();
    await drawer.getByTestId('operation-1').getByText('done', { exact: true }).waitFor();
    expect(await drawer.getByTestId('operation-2').textContent()).toContain('arrived');
    expect(await drawer.getByTestId('complete-next-operation').textContent()).toContain('completes the order');
    await checkScreen(page, 'order-routing');
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-areas').click();
    const paint = page.getByTestId('area-row-paint-line');
    await paint.waitFor();
    await page.getByTestId('direct-load-paint-line').getByText('here now 3 h').waitFor();
    expect(await paint.textContent()).toContain('released 3 of 8 h');
    expect(await page.getByTestId('area-row-saw-line').textContent()).toContain('released 0 of 6 h');
    await checkScreen(page, 'work-areas-load', { fullPage: true });
    await page.close();
  });
});
