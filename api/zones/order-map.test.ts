import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderListItem } from '../../domain/order.ts';
import type { OrderMap } from '../../domain/zones/order-map.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';

/** The map's orders through the API: points of last-mile orders, filtered as the orders table filters them. */
describe('orders on the map', () => {
  let h: Harness;
  const zone = `map-${Date.now()}`;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness({ worker: true });
    const place = (name: string, body: Record<string, unknown>) =>
      h.request('/orders', { method: 'POST', body: JSON.stringify({ reference: `${zone}-${name}`, account: 'ACME', dueAt: hoursFromNow(6), workAreaId: h.workAreaId, zone, lines: [{ sku: 'A', qty: 1, price: 1 }], ...body }) });
    const cases = {
      centre: { kind: 'delivery', dropoffLocation: { lat: 52.37, lng: 4.89 } },
      east: { kind: 'pickup_delivery', pickupLocation: { lat: 52.36, lng: 4.95 }, dropoffLocation: { lat: 52.38, lng: 5.1 } },
      pickupOnly: { kind: 'pickup', pickupLocation: { lat: 52.35, lng: 4.9 } },
      nowhere: { kind: 'delivery' },
      production: { kind: 'production', dropoffLocation: { lat: 52.37, lng: 4.89 } },
    };
    for (const [name, body] of Object.entries(cases)) {
      const res = await place(name, body);
      expect(res.status, await res.clone().text()).toBe(201);
      ids[name] = ((await res.json()) as { id: string }).id;
    }
    // A delivery order's last-mile status comes with its first move out of captured.
    for (const name of ['centre', 'east', 'pickupOnly', 'nowhere']) await eventually(async () => (await h.getOrder(ids[name]!)).lastMileStatus ?? undefined, `order ${name} to have a last-mile status`, 60_000);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const map = async (query: string) => {
    const res = await h.request(`/map/orders?${query}`);
    return { status: res.status, body: (await res.json()) as OrderMap & { error?: { message: string } } };
  };

  it('gives last-mile orders with a place as points, the drop-off before the pickup; the table gives the same orders for the same filters', async () => {
    const all = await map(`zone=${zone}`);
    expect(all.status).toBe(200);
    expect(Object.fromEntries(all.body.points.map((p) => [p.id, [p.lat, p.lng]]))).toEqual({ [ids.centre!]: [52.37, 4.89], [ids.east!]: [52.38, 5.1], [ids.pickupOnly!]: [52.35, 4.9] });
    expect(all.body).toMatchObject({ matched: 3, more: false });

    for (const lastMile of ['Pending', 'Assigned', 'Pending,Assigned']) {
      // The worker moves the orders on while the test reads (one is released and assigned, its courier
      // status follows): the two answers are compared as read at a moment when nothing moved between them.
      const both = async () => {
        const table = (await (await h.request(`/orders?zone=${zone}&lastMile=${lastMile}&limit=100`)).json()) as { orders: OrderListItem[] };
        const placed = table.orders.filter((o) => o.dropoffLocation ?? o.pickupLocation).map((o) => o.id);
        const points = (await map(`zone=${zone}&lastMile=${lastMile}`)).body.points.map((p) => p.id);
        return { table: placed.sort(), map: points.sort(), agree: placed.join() === points.join() };
      };
      await expect.poll(both, { message: lastMile }).toMatchObject({ agree: true });
    }
    expect((await map(`zone=${zone}&lastMile=Delivered`)).body.points).toEqual([]);
  });

  it('keeps to a box of drop-offs, or of pickups for orders without a drop-off', async () => {
    expect((await map(`zone=${zone}&bbox=4.85,52.3,4.92,52.4`)).body.points.map((p) => p.id).sort()).toEqual([ids.centre!, ids.pickupOnly!].sort());
    expect((await map(`zone=${zone}&bbox=4.94,52.3,4.96,52.4`)).body.points).toEqual([]);
  });

  it.each(['bbox=5,52,4,53', 'bbox=4,52,5', 'bbox=-190,52,5,53', 'lastMile=Lost', `zone=${'z'.repeat(51)}`])('refuses %s with a 400', async (query) => {
    expect((await map(query)).status).toBe(400);
  });
});
