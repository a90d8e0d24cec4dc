import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { OrderSummary } from '../domain/order.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { hoursFromNow } from '../test/clock.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import type { Harness } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/**
 * A specialist splits an order held for stock by availability from its drawer: the part in stock goes on,
 * the rest waits for a receipt. An ops manager sets a warehouse to reserve at release in Products & stock.
 */
describe('split by availability in the order drawer', () => {
  let h: Harness;
  let browser: Browser;
  let url: string;
  let session: DesignerSession | undefined;
  beforeAll(async () => {
    session = await openDesigner({ wipLimit: 20 });
    ({ h, url, browser } = session);
    await h.startWorker(await bundleWorkflows());
    for (const [sku, name] of [['GEAR-40', 'Gear 40 teeth'], ['BELT-12', 'Belt 12 mm']]) {
      expect((await h.request(`/products/${sku}`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ name, unit: 'each' }) })).status).toBe(200);
    }
    expect((await h.request('/stock/receipts', { method: 'POST', body: JSON.stringify({ id: 'SPLIT-UI-1', warehouse: 'W1', lines: [{ sku: 'GEAR-40', qty: 5 }] }) })).status).toBe(200);
  });
  afterAll(async () => {
    await session?.close();
  });

  const signIn = async (username: string, path = ''): Promise<Page> => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${url}/${path}`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    return page;
  };

  it('shows the proposal of an order on an inventory hold, splits on confirm, and the part in stock goes on while the rest waits', { timeout: 240_000 }, async () => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: 'SPLIT-UI', account: 'ACME', dueAt: hoursFromNow(5), workAreaId: h.workAreaId, warehouse: 'W1', lines: [{ sku: 'GEAR-40', qty: 2, price: 8 }, { sku: 'BELT-12', qty: 3, price: 4 }] }),
    });
    expect(res.status).toBe(201);
    const order = (await res.json()) as OrderSummary;
    await h.reach(order.id, 'on_hold');

    const page = await signIn('sofia', `?view=orders&desk=all&order=${order.id}`);
    const drawer = page.getByTestId('order-drawer');
    await drawer.getByTestId('split-by-availability-propose').click();
    const modal = page.getByRole('dialog', { name: 'Split SPLIT-UI by availability?' });
    await modal.getByTestId('split-part-in-stock').getByText('Line 1: 2 × GEAR-40').waitFor();
    await modal.getByTestId('split-part-waiting').getByText('Line 2: 3 × BELT-12').waitFor();
    await checkScreen(page, 'split-by-availability-proposal');

    await modal.getByTestId('split-by-availability-confirm').click();
    await h.reach(order.id, 'split');
    await h.reach(`${order.id}-1`, 'assigned');
    const waiting = await h.reach(`${order.id}-2`, 'on_hold');
    expect(waiting.holds).toMatchObject([{ type: 'inventory', placedBy: 'intake rules' }]);
    await drawer.getByTestId('order-finished').waitFor();
    await checkScreen(page, 'split-by-availability-done');
    await page.close();
  });

  it('an ops manager sets a warehouse to reserve at release', async () => {
    const page = await signIn('olivia');
    await page.getByTestId('tab-inventory').click();
    const select = page.getByTestId('reserve-at-W1');
    await select.selectOption('release');
    await page.getByTestId('warehouse-settings-message').getByText('W1 now reserves stock at release.').waitFor();
    await page.getByTestId('warehouses-table').getByText('by olivia').waitFor();
    await checkScreen(page, 'warehouse-reservation-timing');
    expect(((await (await h.request('/warehouses')).json()) as { warehouses: { warehouse: string; reserveAt: string }[] }).warehouses).toContainEqual(expect.objectContaining({ warehouse: 'W1', reserveAt: 'release' }));
    await page.close();
  });
});
