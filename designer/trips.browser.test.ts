import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../api/auth/bootstrap-users.ts';
import type { OrderSummary } from '../domain/order.ts';
import type { TripDetail } from '../domain/trips/trip.ts';
import { checkScreen, openPage } from '../test/browser.ts';
import { openDesigner, type DesignerSession } from '../test/designer-session.ts';
import { eventually } from '../test/sluice-harness.ts';
import { bundleWorkflows } from '../worker/create-worker.ts';

/** A dispatcher moves an order's stops (its pickup and drop-off together) from one trip to another on the trips board. */
describe('the trips board', () => {
  let session: DesignerSession | undefined;
  const pool = `board-${Date.now()}`;
  const driver = `ana-${Date.now()}`;
  const refs = ['BOARD-A', 'BOARD-B', 'BOARD-C'].map((r) => `${r}-${crypto.randomUUID().slice(0, 4)}`);
  let orders: string[];
  let first: TripDetail;
  let second: TripDetail;

  beforeAll(async () => {
    session = await openDesigner();
    const { h } = session;
    await h.startWorker(await bundleWorkflows());
    const send = async (path: string, body: unknown) => {
      const res = await h.request(path, { method: 'POST', role: 'ops_manager', body: JSON.stringify(body) });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res.json();
    };
    await send('/work-areas', { id: pool, name: 'Board drivers', kind: 'driver_pool', zone: null, capacity: { wipLimit: 20 } });
    await send(`/work-areas/${pool}/resources`, { id: driver, name: 'Ana', kind: 'driver', capacity: 10 });
    orders = [];
    for (const reference of refs) {
      const dueAt = new Date(Date.now() + 8 * 3_600_000).toISOString();
      const { id } = (await send('/orders', { reference, account: 'ACME', kind: 'pickup_delivery', workAreaId: pool, dueAt, lines: [{ sku: 'A', qty: 1, price: 1 }] })) as OrderSummary;
      await eventually(async () => ((o) => (o.state === 'assigned' && o.assignee === driver ? true : undefined))(await h.getOrder(id)), `order ${id} assigned to ${driver}`, 60_000);
      orders.push(id);
    }
    const [a, b, c] = orders as [string, string, string];
    const both = (orderId: string, pinned = false) => [{ orderId, kind: 'pickup', pinned }, { orderId, kind: 'dropoff', pinned }];
    first = (await send('/trips', { driverId: driver, stops: [...both(a), ...both(b, true)] })) as TripDetail;
    second = (await send('/trips', { driverId: driver, stops: both(c) })) as TripDetail;
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  async function boardAs(username: string): Promise<Page> {
    const page = await openPage(session!.browser, { viewport: { width: 1400, height: 1100 } });
    await page.goto(`${session!.url}/?view=trips`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_USERS.find((u) => u.username === username)!.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId(`trip-${first.id}`).waitFor();
    return page;
  }

  it('moves an order to another trip from the "Move to…" menu, with the keyboard; a refused change shows the API\'s reason', { timeout: 120_000 }, async () => {
    const [a, b, c] = orders as [string, string, string];
    const page = await boardAs('dan');
    const firstCard = page.getByTestId(`trip-${first.id}`);
    const secondCard = page.getByTestId(`trip-${second.id}`);
    await firstCard.getByText(refs[0]!).first().waitFor();
    // Pinned stops stay where they are: they offer no move.
    expect(await page.getByTestId(`move-${b}-pickup`).isDisabled()).toBe(true);

    // A drop-off before its pickup is refused by the API, and the board says why.
    await firstCard.getByRole('button', { name: `Earlier: the drop-off of ${refs[0]}` }).click();
    await page.getByTestId(`trip-error-${first.id}`).getByText(/comes before its pickup/).waitFor();
    await checkScreen(page, 'trips-refused-reorder', { fullPage: true });

    const move = page.getByTestId(`move-${a}-pickup`);
    await move.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId(`move-to-${second.id}`).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await secondCard.getByTestId(`stop-${a}-pickup`).waitFor();
    await secondCard.getByTestId(`stop-${a}-dropoff`).waitFor();
    await expect.poll(() => firstCard.getByTestId(`stop-${a}-pickup`).count()).toBe(0);
    const rows = (card: typeof firstCard) => card.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
    expect(await rows(secondCard)).toEqual([`stop-${c}-pickup`, `stop-${c}-dropoff`, `stop-${a}-pickup`, `stop-${a}-dropoff`]);
    expect(await rows(firstCard)).toEqual([`stop-${b}-pickup`, `stop-${b}-dropoff`]);
    await checkScreen(page, 'trips-moved-stop', { fullPage: true });

    const stored = (await (await session!.h.request(`/trips/${second.id}`)).json()) as TripDetail;
    expect(stored.stops.map((s) => `${s.kind}:${s.orderId}`)).toEqual([`pickup:${c}`, `dropoff:${c}`, `pickup:${a}`, `dropoff:${a}`]);
    expect(stored.timeline.at(-1)).toMatchObject({ action: 'move_stop_in', actor: 'dan' });
    await page.close();
  });
});
