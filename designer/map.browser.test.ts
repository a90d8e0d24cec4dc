import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import { checkScreen, clickUntilShown, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { hoursFromNow } from '../test/clock.ts';
import { eventually } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/**
 * The Map tab draws zones, a warehouse, clustered orders and a driver with WebGL (SwiftShader in headless
 * Chromium), and a click on an order opens it. The zones frame the map, so the order placed at their
 * middle lands at the map's middle, where the test clicks.
 */
describe('the map', () => {
  let session: DesignerSession | undefined;
  const run = Date.now();
  const [west, east] = [`west-${run}`, `east-${run}`];
  const square = (w: number, s: number, e: number, n: number): [number, number][] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    session = await openDesigner({ webgl: true });
    const { h } = session;
    await h.startWorker(await bundleWorkflows());
    const send = async (method: string, path: string, body?: unknown, role: 'ops_manager' | 'dispatcher' = 'ops_manager') => {
      const res = await h.request(path, { method, role, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };
    await send('PUT', `/zones/${west}`, { polygon: { type: 'Polygon', coordinates: [square(4.8, 52.33, 4.88, 52.41)] }, colour: '#1c7ed6' });
    await send('PUT', `/zones/${east}`, { polygon: { type: 'Polygon', coordinates: [square(4.9, 52.33, 4.98, 52.41)] }, colour: '#e8590c' });
    await send('PUT', `/warehouses/depot-${run}`, { location: { lat: 52.39, lng: 4.85 } });

    const pool = `map-pool-${run}`;
    const driver = `map-driver-${run}`;
    await send('POST', '/work-areas', { id: pool, name: 'Map drivers', kind: 'driver_pool', zone: null, capacity: { wipLimit: 20 } });
    await send('POST', `/work-areas/${pool}/resources`, { id: driver, name: 'Mia', kind: 'driver', capacity: 10 });
    const { token } = (await send('POST', `/drivers/${driver}/tokens`, undefined, 'dispatcher')) as { token: string };
    const ping = await h.app.request('/driver/location', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ lat: 52.35, lng: 4.95, at: new Date().toISOString() }) });
    expect(ping.status, await ping.clone().text()).toBe(200);

    const places: Record<string, { lat: number; lng: number; zone: string }> = {
      middle: { lat: 52.37, lng: 4.89, zone: west },
      ...Object.fromEntries([0, 1, 2, 3].map((i) => [`bunch${i}`, { lat: 52.35 + i * 0.0005, lng: 4.83 + i * 0.0005, zone: west }])),
      eastA: { lat: 52.39, lng: 4.95, zone: east },
      eastB: { lat: 52.38, lng: 4.965, zone: east },
    };
    for (const [name, { zone, ...dropoffLocation }] of Object.entries(places)) {
      const order = await send('POST', '/orders', { reference: `MAP-${name}-${run}`, account: 'ACME', kind: 'delivery', workAreaId: h.workAreaId, zone, dueAt: hoursFromNow(6), dropoffLocation, lines: [{ sku: 'A', qty: 1, price: 1 }] });
      ids[name] = order.id as string;
    }
    for (const id of Object.values(ids)) await eventually(async () => (await h.getOrder(id)).lastMileStatus ?? undefined, `order ${id} to have a last-mile status`, 60_000);
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  it('draws zones, warehouse, clustered orders and the driver; a click on an order opens it', { timeout: 120_000 }, async () => {
    const page = await openPage(session!.browser, { viewport: { width: 1400, height: 1000 } });
    const failed: string[] = [];
    page.on('console', (message) => {
      // Sign-in's own 401 before the session and similar are the app's business; a blocked worker or lost WebGL context is the map's.
      if (message.type() === 'error' && /Content Security Policy|WebGL|worker/i.test(message.text())) failed.push(message.text());
    });
    await page.goto(`${session!.url}/?view=map`);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('map-count').getByText('7 orders shown.').waitFor();
    const canvas = page.getByTestId('map-canvas');
    await expect.poll(async () => Number(await canvas.getAttribute('data-drawn')), { timeout: 30_000 }).toBeGreaterThan(0);
    await canvas.getByText(west).waitFor();
    await canvas.getByText(east).waitFor();
    expect(await canvas.getAttribute('aria-label')).toBe('Map of 2 zones, 1 warehouses, 7 orders and 1 drivers');
    expect(failed, 'console errors (a CSP refusal, no WebGL)').toEqual([]);
    await checkScreen(page, 'map-zones-orders-drivers');

    // SwiftShader draws slowly on a busy machine: each click waits long enough for the drawer a hit opens.
    await clickUntilShown(canvas, page.locator(`[data-testid="order-drawer"][data-order-id="${ids.middle}"]`), { perClick: 10_000 });
    expect(new URL(page.url()).searchParams.get('view')).toBe('orders');
    await page.close();
  });

  it('filters by zone and status, and links to the same orders as a list', { timeout: 60_000 }, async () => {
    const page = await openPage(session!.browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${session!.url}/?view=map`);
    await page.getByTestId('login-username').fill('dan');
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === 'dan')!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('map-count').getByText('7 orders shown.').waitFor();
    await page.getByTestId('map-zone').click();
    await page.getByRole('option', { name: east }).click();
    await page.getByTestId('map-count').getByText('2 orders shown.').waitFor();
    await page.getByTestId('map-as-list').click();
    const query = new URL(page.url()).searchParams;
    expect([query.get('view'), query.get('zone'), query.get('desk')]).toEqual(['orders', east, 'all']);
    for (const name of ['eastA', 'eastB']) await page.getByText(`MAP-${name}-${run}`).first().waitFor();
    await page.close();
  });
});
