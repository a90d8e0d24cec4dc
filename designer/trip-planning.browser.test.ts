import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { GeoPoint } from '../domain/geo.ts';
import type { OrderSummary } from '../domain/order.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { eventually } from '../test/sluice-harness.ts';

/** A dispatcher proposes a zone's trips in the Plan trips screen, reads why an order is left out, and accepts the plan. */
describe('planning trips in the app', () => {
  let session: DesignerSession | undefined;
  let browser: Browser;
  let url: string;
  const zone = 'harbour';
  const depot: GeoPoint = { lat: 52.37, lng: 4.89 };
  const north = (km: number): GeoPoint => ({ lat: depot.lat + km / 111.195, lng: depot.lng });
  const orders: string[] = [];

  beforeAll(async () => {
    session = await openDesigner({ worker: true });
    ({ url, browser } = session);
    const { h } = session;
    expect((await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: 'harbour-drivers', name: 'Harbour drivers', kind: 'driver_pool', zone, capacity: { wipLimit: 20 } }) })).status).toBe(201);
    for (const id of ['ana', 'bo'])
      expect((await h.request('/work-areas/harbour-drivers/resources', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id, name: `Driver ${id}`, kind: 'driver', capacity: 4 }) })).status).toBe(201);
    expect((await h.request('/warehouses/HARBOUR', { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ location: depot }) })).status).toBe(200);
    for (const location of [north(2), north(-3), north(5), null]) {
      const res = await h.request('/orders', {
        method: 'POST',
        body: JSON.stringify({
          reference: `HARBOUR-${orders.length + 1}`, account: 'ACME', kind: 'delivery', workAreaId: 'harbour-drivers', zone, warehouse: 'HARBOUR',
          dueAt: new Date(Date.now() + 6 * 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 1 }], ...(location ? { dropoffLocation: location } : {}),
        }),
      });
      expect(res.status).toBe(201);
      orders.push(((await res.json()) as OrderSummary).id);
    }
    for (const id of orders) await eventually(async () => ((await h.getOrder(id)).state === 'assigned' ? true : undefined), `order ${id} to be assigned`);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('proposes trips with arrival times and the orders left out, then plans them', { timeout: 120_000 }, async () => {
    const page = await openPage(browser, { viewport: { width: 1400, height: 1100 } });
    await page.goto(url);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('tab-trip-planning').click();
    await page.getByTestId('plan-zone').fill(zone);
    // Drivers are chosen by name from the list, not typed as ids.
    await page.getByTestId('plan-drivers').click();
    for (const name of ['Driver ana', 'Driver bo']) await page.getByRole('option', { name }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('plan-preview').click();
    const proposal = page.getByTestId('plan-proposal');
    await proposal.waitFor();
    await proposal.getByText(/trips? from HARBOUR for 3 orders/).waitFor();
    // Orders show by their reference, each a link to the order.
    await proposal.getByRole('link', { name: 'HARBOUR-1' }).waitFor();
    const unplanned = page.getByTestId('plan-unplanned');
    expect(await unplanned.getByRole('link', { name: 'HARBOUR-4' }).getAttribute('href')).toBe(`/?view=orders&order=${orders[3]}`);
    await unplanned.getByText('It has no drop-off location: add the address\'s location to the order, then plan again.').waitFor();
    await checkScreen(page, 'trip-planning-proposal');

    await page.getByTestId('plan-accept').click();
    await page.getByTestId('plan-message').getByText(/Planned \d trips?/).waitFor();
    const trips = (await (await session!.h.request('/trips')).json()) as { trips: { stops: { orderId: string }[] }[] };
    expect(new Set(trips.trips.flatMap((t) => t.stops.map((s) => s.orderId)))).toEqual(new Set(orders.slice(0, 3)));
    await checkScreen(page, 'trip-planning-committed');
    await page.close();
  });
});
