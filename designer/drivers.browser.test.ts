import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { OrderSummary } from '../domain/order.ts';
import type { TripDetail } from '../domain/trips/trip.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { eventually } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** The driver monitor: two drivers' figures as the driver API left them, a re-sequenced trip, and a token issued from the app. */
describe('the driver monitor', () => {
  let session: DesignerSession | undefined;
  const stamp = Date.now();
  const pool = `monitor-${stamp}`;
  const [ana, bo] = [`ana-${stamp}`, `bo-${stamp}`];
  const refs = ['MON-A', 'MON-B', 'MON-C'].map((r) => `${r}-${crypto.randomUUID().slice(0, 4)}`) as [string, string, string];
  let orders: [string, string, string];
  let trip: TripDetail;

  beforeAll(async () => {
    session = await openDesigner();
    const { h } = session;
    await h.startWorker(await bundleWorkflows());
    const send = async (path: string, body?: unknown, method = 'POST') => {
      const res = await h.request(path, { method, role: 'dispatcher', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res.json();
    };
    const asOps = async (path: string, body: unknown) => {
      const res = await h.request(path, { method: 'POST', role: 'ops_manager', body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    };
    await asOps('/work-areas', { id: pool, name: 'Monitor drivers', kind: 'driver_pool', zone: null, capacity: { wipLimit: 20 } });
    await asOps(`/work-areas/${pool}/resources`, { id: ana, name: 'Ana Weber', kind: 'driver', capacity: 10 });
    await asOps(`/work-areas/${pool}/resources`, { id: bo, name: 'Bo Lund', kind: 'driver', capacity: 10 });
    await send(`/drivers/${ana}`, { version: 0, profile: { shiftStart: '07:00', shiftEnd: '15:30', vehicle: { name: 'Van 3', capacityOrders: 20 }, zones: ['North'] } }, 'PUT');
    const { token } = (await send(`/drivers/${ana}/tokens`)) as { token: string };
    const asAna = async (path: string, body: unknown) => {
      const res = await h.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    };

    const ids: string[] = [];
    for (const [i, reference] of refs.entries()) {
      const cod = i === 0 ? { paymentMode: 'cod', codAmount: 20 } : {};
      const dueAt = new Date(Date.now() + 8 * 3_600_000).toISOString();
      const { id } = (await send('/orders', { reference, account: 'ACME', kind: 'delivery', workAreaId: pool, dueAt, lines: [{ sku: 'A', qty: 1, price: 20 }], dropoffLocation: { lat: 52.1, lng: 5.1 }, ...cod })) as OrderSummary;
      await eventually(async () => ((await h.getOrder(id)).state === 'assigned' ? true : undefined), `order ${id} assigned`, 60_000);
      if ((await h.getOrder(id)).assignee !== ana) {
        await send(`/orders/${id}/actions`, { action: 'reassign', resource: ana, reason: 'Goes on her trip', override: true });
        await eventually(async () => ((await h.getOrder(id)).assignee === ana ? true : undefined), `order ${id} to be ${ana}'s`, 60_000);
      }
      ids.push(id);
    }
    orders = ids as [string, string, string];
    trip = (await send('/trips', { driverId: ana, stops: orders.map((orderId) => ({ orderId, kind: 'dropoff' })) })) as TripDetail;
    await send(`/trips/${trip.id}/dispatch`);
    await asAna(`/driver/trips/${trip.id}/reports`, { orderId: orders[0], kind: 'dropoff', status: 'arrived' });
    await asAna(`/driver/trips/${trip.id}/reports`, { orderId: orders[0], kind: 'dropoff', status: 'done', cashCollected: 20 });
    await asAna('/driver/location', { lat: 52.09, lng: 5.12, at: new Date().toISOString() });
  }, 240_000);
  afterAll(async () => {
    await session?.close();
  });

  async function monitorAs(username: string): Promise<Page> {
    const page = await openPage(session!.browser, { viewport: { width: 1400, height: 1000 } });
    await page.goto(`${session!.url}/?view=drivers`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`driver-row-${ana}`).waitFor();
    return page;
  }

  it('shows each driver\'s figures and re-sequences the upcoming stops; a refused change shows the API\'s reason', { timeout: 120_000 }, async () => {
    const page = await monitorAs('dan');
    const anaRow = page.getByTestId(`driver-row-${ana}`);
    const boRow = page.getByTestId(`driver-row-${bo}`);
    const cell = (row: typeof anaRow, id: string) => row.getByTestId(id).innerText();
    expect(await cell(anaRow, 'driver-trip')).toMatch(/^In progress · trip /);
    expect([await cell(anaRow, 'driver-done'), await cell(anaRow, 'driver-left'), await cell(anaRow, 'driver-late'), await cell(anaRow, 'driver-cash')]).toEqual(['1', '2', '0', '20.00']);
    expect(await cell(anaRow, 'driver-seen')).not.toBe('Never');
    expect(await anaRow.innerText()).toContain('Monitor drivers · North');
    expect([await cell(boRow, 'driver-trip'), await cell(boRow, 'driver-done'), await cell(boRow, 'driver-cash'), await cell(boRow, 'driver-seen')]).toEqual(['No trip', '0', '0.00', 'Never']);
    await page.getByTestId('drivers-refreshed').getByText(/^Updated/).waitFor();
    await checkScreen(page, 'drivers-monitor', { fullPage: true });

    await page.getByTestId(`driver-open-${ana}`).click();
    const card = page.getByTestId(`trip-${trip.id}`);
    await card.getByText(refs[1]).first().waitFor();
    // The delivered stop stays first: moving a stop before it is refused by the API, in its words.
    await card.getByRole('button', { name: `Earlier: the drop-off of ${refs[1]}` }).click();
    const refusal = page.getByTestId(`trip-error-${trip.id}`);
    await refusal.getByText(/has already been to .*it stays where it was/).waitFor();
    await checkScreen(page, 'drivers-trip-refused');

    const cardElement = await card.elementHandle();
    await card.getByRole('button', { name: `Later: the drop-off of ${refs[1]}` }).click();
    const rows = () => card.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
    const [a, b, c] = orders;
    await expect.poll(rows).toEqual([`stop-${a}-dropoff`, `stop-${c}-dropoff`, `stop-${b}-dropoff`]);
    const stored = (await (await session!.h.request(`/trips/${trip.id}`)).json()) as TripDetail;
    expect(stored.stops.map((s) => s.orderId)).toEqual([a, c, b]);
    expect(stored.timeline.at(-1)).toMatchObject({ actor: 'dan' });
    // The newer trip is read while the card stays on screen: no loader in its place, and the keyboard's place is kept.
    expect(await cardElement!.evaluate((el) => el.isConnected)).toBe(true);
    await card.getByText(refs[2]).first().waitFor();
    await checkScreen(page, 'drivers-trip-reordered');
    await page.close();
  });

  it('edits a profile and issues a token shown once, then revokes it; a bad shift is refused in the API\'s words', { timeout: 120_000 }, async () => {
    const page = await monitorAs('dan');
    await page.getByTestId(`driver-open-${bo}`).click();
    const drawer = page.getByTestId('driver-drawer');
    await drawer.getByText('No trip planned').waitFor();

    await drawer.getByTestId('driver-shift-start').fill('25:00');
    await drawer.getByTestId('driver-shift-end').fill('16:00');
    await drawer.getByTestId('driver-vehicle').fill('Cargo bike');
    await drawer.getByTestId('driver-capacity').fill('6');
    await drawer.getByTestId('driver-profile-save').click();
    await drawer.getByTestId('driver-profile-error').waitFor();
    await drawer.getByText('a local time as HH:MM, e.g. 07:30', { exact: false }).first().waitFor();
    await drawer.getByTestId('driver-shift-start').fill('08:00');
    await drawer.getByTestId('driver-profile-save').click();
    await drawer.getByTestId('driver-profile-saved').waitFor();
    await expect.poll(async () => ((await (await session!.h.request(`/drivers/${bo}`)).json()) as { shiftStart: string | null }).shiftStart).toBe('08:00');

    await drawer.getByTestId('driver-token-issue').click();
    const secret = (await drawer.getByTestId('driver-token-secret').innerText()).trim();
    expect(secret).toMatch(/^sld_/);
    await drawer.getByText('this is the only time it is shown').waitFor();
    await checkScreen(page, 'drivers-token-issued');
    const asBo = () => session!.h.app.request('/driver/trips', { headers: { authorization: `Bearer ${secret}` } });
    expect((await asBo()).status).toBe(200);

    await drawer.getByRole('button', { name: /^Revoke token / }).click();
    await page.getByTestId('driver-token-revoke-confirm').click();
    await drawer.getByText(/^Revoked/).waitFor();
    expect((await asBo()).status).toBe(401);
    await page.close();
  });
});
