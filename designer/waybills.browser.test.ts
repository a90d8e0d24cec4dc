import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { AccountRecord } from '../store/accounts/account.entity.ts';
import { OrderRecord } from '../store/order.entity.ts';
import { WorkAreaRecord } from '../store/work-area.entity.ts';
import { hoursFromNow } from '../test/clock.ts';
import { ARTIFACTS, checkScreen, openPage } from '../test/browser.ts';
import { screenshotPdfPage } from '../test/render-pdf-page.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';

/** A dispatcher opens a waybill, adds two released deliveries, seals it behind a confirmation, finds it locked, and opens its manifest's PDF. */
describe('waybills in the app', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  const orders = ['WB-UI-1', 'WB-UI-2'];

  beforeAll(async () => {
    session = await openDesigner();
    ({ url, browser } = session);
    // Released deliveries as the worker leaves them: this session runs no worker, and a waybill reads only the read model.
    const em = session.h.store.em.fork();
    if (!(await em.findOne(AccountRecord, { code: 'ACME' }))) em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
    em.create(WorkAreaRecord, { id: 'pool-wb', name: 'Waybill drivers', kind: 'driver_pool', wipLimit: 50 });
    for (const id of orders)
      em.create(OrderRecord, { id, reference: id, account: 'ACME', kind: 'delivery', statedPriority: 'normal', dueAt: hoursFromNow(6), workAreaId: 'pool-wb', warehouse: 'W1', zone: 'north', lines: [{ sku: 'BOX', qty: 3, price: 4 }], units: 3, orderValue: 12, state: 'released', paymentMode: 'prepaid' });
    await em.flush();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('seals a waybill after a confirmation; a sealed waybill refuses a change', async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-waybills').click();
    await page.getByText('No waybills yet').waitFor();

    await page.getByTestId('waybill-origin').fill('W1');
    await page.getByTestId('waybill-destination').fill('north');
    await page.getByTestId('waybill-create').click();
    await page.getByText('No orders yet: add the deliveries').waitFor();
    await page.getByTestId('waybill-add-ids').fill(orders.join(', '));
    await page.getByTestId('waybill-add').click();
    await page.getByTestId('waybill-manifest').getByText('Manifest: 2 orders, 6 units, value 24.00').waitFor();

    await page.getByTestId('waybill-seal').click();
    await page.getByRole('dialog', { name: 'Seal this waybill?' }).getByText('Sealing locks its 2 orders').waitFor();
    await checkScreen(page, 'waybill-seal-confirmation');
    await page.getByTestId('waybill-seal-confirm').click();
    await page.getByTestId('waybill-state').getByText('Sealed by').waitFor();
    await page.getByText('Sealed: its orders are locked and move together.').waitFor();
    expect(await page.getByTestId('waybill-add').count()).toBe(0);
    await checkScreen(page, 'waybill-sealed');
    // The sealed manifest's PDF opens with the page's own sign-in.
    const pdf = await page.request.get(`${url}${await page.getByTestId('waybill-manifest-pdf').getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const viewer = await openPage(browser, { viewport: { width: 900, height: 1300 } });
    await screenshotPdfPage(viewer, url, new Uint8Array(await pdf.body()), join(ARTIFACTS, 'waybill-manifest-page.png'));
    await viewer.close();

    // The API refuses what the screen no longer offers, saying why.
    const { waybills } = (await (await session!.h.request('/waybills')).json()) as { waybills: { id: string }[] };
    const refused = await session!.h.request(`/waybills/${waybills[0]!.id}/orders/${orders[0]}`, { method: 'DELETE', role: 'dispatcher' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('The waybill is sealed: its orders are locked. Open a new waybill for other orders.');
    await page.close();
  });
});
