import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeoPoint } from '../../domain/geo.ts';
import type { OrderSummary } from '../../domain/order.ts';
import type { TripPlanPreview } from '../../domain/trip-planning/trip-plan.ts';
import type { TripDetail } from '../../domain/trips/trip.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';

/** Planning a zone's trips through the API: preview, a commit refused when the orders moved on, then one that plans. */
describe('trip planning', () => {
  let h: Harness;
  const run = Date.now();
  const zone = `plan-zone-${run}`;
  const pool = `plan-drivers-${run}`;
  const warehouse = `PLAN-WH-${run}`;
  const drivers = ['ana', 'bo'].map((d) => `plan-${d}-${run}`) as [string, string];
  const depot: GeoPoint = { lat: 52.37, lng: 4.89 };
  const north = (km: number): GeoPoint => ({ lat: depot.lat + km / 111.195, lng: depot.lng });

  beforeAll(async () => {
    h = await createHarness({ worker: true });
    const area = await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: pool, name: 'Planned drivers', kind: 'driver_pool', zone, capacity: { wipLimit: 50 } }) });
    expect(area.status, await area.text()).toBe(201);
    for (const id of drivers) {
      const res = await h.request(`/work-areas/${pool}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id, name: id, kind: 'driver', capacity: 5 }) });
      expect(res.status, await res.text()).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const post = async <T>(path: string, body: unknown) => {
    const res = await h.request(path, { method: 'POST', role: 'dispatcher', body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T & { error?: { message: string } } };
  };
  /** A delivery order of the zone, taken by the worker as far as its driver. */
  const order = async (extra: object) => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `PLAN-${crypto.randomUUID()}`, account: 'ACME', kind: 'delivery', workAreaId: pool, zone, warehouse, dueAt: new Date(Date.now() + 6 * 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 1 }], ...extra }),
    });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    const { id } = JSON.parse(text) as OrderSummary;
    await eventually(async () => ((await h.getOrder(id)).state === 'assigned' ? true : undefined), `order ${id} to be assigned`);
    return id;
  };

  it('refuses to plan from a warehouse without a location, saying where to set it', { timeout: 60_000 }, async () => {
    await order({ dropoffLocation: north(1) });
    const res = await post('/trips/plan/preview', { zone });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toBe(`Warehouse ${warehouse} has no location, so trips cannot start from it: set its location under Inventory → Warehouses.`);
  });

  it('previews trips, refuses a commit after an order changed, and commits one whose orders go to their drivers', { timeout: 180_000 }, async () => {
    const put = await h.request(`/warehouses/${warehouse}`, { method: 'PUT', role: 'ops_manager', body: JSON.stringify({ location: depot }) });
    expect(put.status, await put.text()).toBe(200);
    expect(((await (await h.request('/warehouses')).json()) as { warehouses: { warehouse: string; location: GeoPoint | null }[] }).warehouses.find((w) => w.warehouse === warehouse)?.location).toEqual(depot);
    const located = [await order({ dropoffLocation: north(2) }), await order({ dropoffLocation: north(-3) }), await order({ kind: 'pickup_delivery', pickupLocation: north(1), dropoffLocation: north(4) })];
    const nowhere = await order({});

    const preview = await post<TripPlanPreview>('/trips/plan/preview', { zone });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const plan = preview.body;
    expect(plan).toMatchObject({ zone, warehouse, depot });
    expect(plan.unplanned).toEqual([{ orderId: nowhere, reference: expect.stringMatching(/^PLAN-/), reason: 'no_location', message: expect.stringMatching(/no drop-off location/) }]);
    const planned = plan.trips.flatMap((t) => t.stops.map((s) => s.orderId));
    for (const id of located) expect(planned).toContain(id);
    for (const t of plan.trips) {
      expect(drivers).toContain(t.driverId);
      expect(t.distanceKm).toBeGreaterThan(0);
      for (const s of t.stops) expect(Date.parse(s.arrivalAt)).toBeGreaterThan(Date.parse(plan.plannedAt));
    }
    expect(plan.totals.orders).toBe(new Set(planned).size);
    const commitBody = { trips: plan.trips.map((t) => ({ driverId: t.driverId, stops: t.stops.map(({ orderId, kind }) => ({ orderId, kind })) })), basis: plan.basis };

    // Someone reassigns a planned order after the preview: the commit is refused, and plans nothing.
    const moved = plan.basis[0]!;
    const other = drivers.find((d) => d !== moved.assignee)!;
    const res = await h.request(`/orders/${moved.orderId}/actions`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'reassign', resource: other, reason: 'Customer asked' }) });
    expect(res.status, await res.text()).toBeLessThan(300);
    const stale = await post('/trips/plan/commit', commitBody);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toBe(`Order ${moved.orderId} changed since the preview: it was assigned (assigned to ${moved.assignee}) and is assigned (assigned to ${other}) now. Nothing was planned; preview again.`);
    expect(((await (await h.request(`/trips?orderId=${moved.orderId}`)).json()) as { trips: unknown[] }).trips).toEqual([]);

    const again = (await post<TripPlanPreview>('/trips/plan/preview', { zone, warehouse, driverIds: drivers })).body;
    const body = { trips: again.trips.map((t) => ({ driverId: t.driverId, stops: t.stops.map(({ orderId, kind }) => ({ orderId, kind })) })), basis: again.basis };
    const committed = await post<{ trips: TripDetail[] }>('/trips/plan/commit', body);
    expect(committed.status, JSON.stringify(committed.body)).toBe(201);
    expect(committed.body.trips.map((t) => ({ driverId: t.driverId, stops: t.stops.map(({ orderId, kind }) => ({ orderId, kind })) }))).toEqual(body.trips);
    for (const t of committed.body.trips) {
      expect(t.timeline).toMatchObject([{ action: 'create', toState: 'planned', reason: 'Planned with the trip planner' }]);
      // Each order went to its trip's driver through its workflow before the trip was planned.
      for (const s of t.stops) expect((await h.getOrder(s.orderId)).assignee).toBe(t.driverId);
    }
    const twice = await post('/trips/plan/commit', body);
    expect(twice.status).toBe(409);
    expect(twice.body.error?.message).toMatch(/was put on trip .* since the preview|changed since the preview/);
    // Planned orders wait for no trip any more: a new preview has only the order without a location.
    const rest = (await post<TripPlanPreview>('/trips/plan/preview', { zone })).body;
    expect(rest.trips).toEqual([]);
    expect(rest.unplanned.map((u) => u.orderId)).toEqual([nowhere]);

    // A driver's committed trip comes first: a new order is planned after its stops, which its times count.
    const busy = committed.body.trips[0]!;
    const later = await order({ dropoffLocation: north(5) });
    const next = (await post<TripPlanPreview>('/trips/plan/preview', { zone, driverIds: [busy.driverId] })).body;
    expect(next.trips).toEqual([expect.objectContaining({ driverId: busy.driverId, stopsAhead: busy.stops.length, stops: [expect.objectContaining({ orderId: later })] })]);
  });

  it.each([
    { name: 'more than 100 drivers', body: () => ({ zone, driverIds: Array.from({ length: 101 }, (_, i) => `d${i}`) }), status: 400, message: /at most 100 drivers/ },
    { name: 'a driver who is not one', body: () => ({ zone, driverIds: ['nobody'] }), status: 400, message: /No driver nobody in a driver pool/ },
    { name: 'a zone with nothing waiting', body: () => ({ zone: 'nowhere-at-all' }), status: 409, message: /Zone nowhere-at-all has no released or assigned delivery orders/ },
    { name: 'no zone', body: () => ({}), status: 400, message: /zone/ },
  ])('refuses a preview with $name, saying why', async ({ body, status, message }) => {
    const res = await post('/trips/plan/preview', body());
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).toMatch(message);
  });

  it('refuses a commit with no trips, a trip whose order is not in the basis, or a driver who is not one (moving no order)', { timeout: 60_000 }, async () => {
    expect((await post('/trips/plan/commit', { trips: [], basis: [] })).body.error?.message).toMatch(/nothing to commit/);
    const res = await post('/trips/plan/commit', { trips: [{ driverId: drivers[0], stops: [{ orderId: 'x', kind: 'dropoff' }] }], basis: [] });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toMatch(/Order x is on a trip of the plan but not in its basis/);
    const id = await order({ dropoffLocation: north(1) });
    const before = (await h.getOrder(id)).assignee;
    const nobody = await post('/trips/plan/commit', { trips: [{ driverId: 'nobody', stops: [{ orderId: id, kind: 'dropoff' }] }], basis: [{ orderId: id, state: 'assigned', assignee: before }] });
    expect(nobody.status).toBe(409);
    expect(nobody.body.error?.message).toMatch(/No driver nobody/);
    expect((await h.getOrder(id)).assignee).toBe(before);
  });
});
