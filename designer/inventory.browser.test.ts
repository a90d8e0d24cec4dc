import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** A dispatcher receives stock in the Products & stock screen, by hand and from a CSV file, and sees it on hand. */
describe('products and stock in the app', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
    const { h } = session;
    for (const [sku, name] of [['BOLT-8', 'Bolt M8'], ['NUT-8', 'Nut M8']]) {
      expect((await h.request(`/products/${sku}`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ name, unit: 'each' }) })).status).toBe(200);
    }
    const list = (await (await h.request('/price-lists', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ name: 'Standard', isDefault: true }) })).json()) as { id: string };
    await h.request(`/price-lists/${list.id}/prices`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ prices: [{ sku: 'BOLT-8', price: 0.25 }] }) });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('receives stock from the form and from a file, and shows it per warehouse', async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-inventory').click();
    await page.getByTestId('products-table').getByText('Bolt M8').waitFor();

    const form = page.getByRole('region', { name: 'Receive stock' });
    await form.getByLabel('Warehouse').fill('W1');
    await form.getByLabel('SKU').fill('BOLT-8');
    await form.getByLabel('Quantity').fill('40');
    await form.getByRole('button', { name: 'Receive', exact: true }).click();
    await page.getByText('Received 40 × BOLT-8 into W1.').waitFor();
    await page.getByTestId('stock-table').locator('tr', { hasText: 'BOLT-8' }).getByText('40').first().waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('region', { name: 'Receive from a file' }).getByLabel('Receipts file').click();
    await (await chooser).setFiles({ name: 'receipts.csv', mimeType: 'text/csv', buffer: Buffer.from('sku,warehouse,qty\nNUT-8,W1,100\nGHOST,W1,5\n') });
    await page.getByRole('button', { name: 'Upload' }).click();
    const report = page.getByTestId('receipt-report');
    await report.getByText('1 of 2 rows received').waitFor();
    await report.getByText('sku: GHOST is not in the catalogue').waitFor();
    await page.getByTestId('stock-table').locator('tr', { hasText: 'NUT-8' }).waitFor();
    await checkScreen(page, 'products-and-stock');
    await page.close();
  });
});
