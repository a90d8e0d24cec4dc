import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriverProfile } from '../../domain/drivers/driver-profile.ts';
import type { DriverTrip, MonitorRow } from '../../domain/drivers/driver-trip.ts';
import type { OrderSummary } from '../../domain/order.ts';
import type { TripDetail } from '../../domain/trips/trip.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import { tripWorkflowId } from '../../workflows/trip-definitions.ts';

/** Drivers work their trips through the driver API, on orders the worker released and assigned, on the real dev server. */
describe('the driver API', () => {
  let h: Harness;
  const pool = `driver-api-${Date.now()}`;
  const [ana, bo] = ['ana', 'bo'].map((d) => `${d}-${Date.now()}`) as [string, string];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness({ worker: true });
    expect((await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: pool, name: 'Driver API pool', kind: 'driver_pool', zone: null, capacity: { wipLimit: 20 } }) })).status).toBe(201);
    for (const id of [ana, bo]) {
      expect((await h.request(`/work-areas/${pool}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id, name: id, kind: 'driver', capacity: 10 }) })).status).toBe(201);
      const issued = await h.request(`/drivers/${id}/tokens`, { method: 'POST', role: 'dispatcher' });
      expect(issued.status).toBe(201);
      tokens[id] = ((await issued.json()) as { token: string }).token;
    }
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const orderFor = async (driver: string, kind: 'delivery' | 'pickup_delivery', cod?: number) => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({
        reference: `DRV-${crypto.randomUUID()}`,
        account: 'ACME',
        kind,
        workAreaId: pool,
        dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(),
        lines: [{ sku: 'A', qty: 1, price: 30 }],
        pickupLocation: { lat: 52.37, lng: 4.89 },
        dropoffLocation: { lat: 52.09, lng: 5.12 },
        ...(cod === undefined ? {} : { paymentMode: 'cod', codAmount: cod }),
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as OrderSummary;
    await eventually(async () => ((await h.getOrder(id)).state === 'assigned' ? true : undefined), `order ${id} to be assigned`);
    if ((await h.getOrder(id)).assignee !== driver) {
      const moved = await h.request(`/orders/${id}/actions`, { method: 'POST', body: JSON.stringify({ action: 'reassign', resource: driver, reason: 'Goes on their trip', override: true }) });
      expect(moved.status, await moved.text()).toBeLessThan(300);
      await eventually(async () => ((await h.getOrder(id)).assignee === driver ? true : undefined), `order ${id} to be ${driver}'s`);
    }
    return id;
  };
  const plan = async (driverId: string, stops: { orderId: string; kind: string }[]) => {
    const res = await h.request('/trips', { method: 'POST', body: JSON.stringify({ driverId, stops }) });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as TripDetail).id;
  };
  const asDriver = (driver: string, path: string, body?: unknown) =>
    h.app.request(path, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${tokens[driver]}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const report = async (driver: string, tripId: string, body: Record<string, unknown>) => {
    const res = await asDriver(driver, `/driver/trips/${tripId}/reports`, body);
    return { status: res.status, body: (await res.json()) as { repeated: boolean; trip: DriverTrip; error?: { message: string } } };
  };
  const trip = async (id: string) => (await (await h.request(`/trips/${id}`)).json()) as TripDetail;

  it('a driver completes a trip: arrived, picked up, delivered with cash, one failed; orders, trip and cash agree; repeats are no-ops', { timeout: 240_000 }, async () => {
    const [a, b, c] = [await orderFor(ana, 'pickup_delivery', 25.5), await orderFor(ana, 'delivery'), await orderFor(ana, 'delivery')];
    const d = await orderFor(bo, 'delivery');
    const tripId = await plan(ana, [
      { orderId: a, kind: 'pickup' },
      { orderId: a, kind: 'dropoff' },
      { orderId: b, kind: 'dropoff' },
      { orderId: c, kind: 'dropoff' },
    ]);
    const boTrip = await plan(bo, [{ orderId: d, kind: 'dropoff' }]);

    // Planned, not dispatched: the driver sees it coming, and cannot report on it yet.
    const early = await report(ana, tripId, { orderId: a, kind: 'pickup', status: 'arrived' });
    expect(early.status).toBe(409);
    expect(early.body.error?.message).toMatch(/not dispatched yet/);
    for (const id of [tripId, boTrip]) expect((await h.request(`/trips/${id}/dispatch`, { method: 'POST' })).status).toBe(200);

    const mine = (await (await asDriver(ana, '/driver/trips')).json()) as { trips: DriverTrip[] };
    expect(mine.trips.map((t) => t.id)).toEqual([tripId]);
    expect(mine.trips[0]!.stops.map((s) => `${s.kind}:${s.orderId}`)).toEqual([`pickup:${a}`, `dropoff:${a}`, `dropoff:${b}`, `dropoff:${c}`]);
    expect(mine.trips[0]!.stops[0]).toMatchObject({ point: { lat: 52.37, lng: 4.89 }, codToCollect: null });
    expect(mine.trips[0]!.stops[1]).toMatchObject({ point: { lat: 52.09, lng: 5.12 }, codToCollect: 25.5 });

    expect((await report(ana, tripId, { orderId: a, kind: 'pickup', status: 'arrived' })).body.trip.state).toBe('in_progress');
    const picked = await report(ana, tripId, { orderId: a, kind: 'pickup', status: 'done' });
    expect(picked).toMatchObject({ status: 200, body: { repeated: false } });
    expect(await h.getOrder(a)).toMatchObject({ state: 'picked_up', lastMileStatus: 'Picked Up' });
    // The phone resends: nothing more happens, to the stop or the order.
    expect(await report(ana, tripId, { orderId: a, kind: 'pickup', status: 'done' })).toMatchObject({ status: 200, body: { repeated: true } });
    expect(await h.getOrder(a)).toMatchObject({ state: 'picked_up' });

    const noCash = await report(ana, tripId, { orderId: a, kind: 'dropoff', status: 'done' });
    expect(noCash.status).toBe(409);
    expect(noCash.body.error?.message).toMatch(/say how much cash you collected/);
    const delivered = await report(ana, tripId, { orderId: a, kind: 'dropoff', status: 'done', cashCollected: 25.5, proof: { recipientName: 'Mrs Jansen', note: 'At the door' } });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect(['delivered', 'awaiting_remit', 'closed']).toContain((await h.getOrder(a)).state);
    expect((await h.getOrder(a)).lastMileStatus).toBe('Delivered');

    expect((await report(ana, tripId, { orderId: b, kind: 'dropoff', status: 'done', cashCollected: 5 })).body.error?.message).toMatch(/not cash on delivery/);
    expect((await report(ana, tripId, { orderId: b, kind: 'dropoff', status: 'done' })).status).toBe(200);
    expect(await h.getOrder(b)).toMatchObject({ lastMileStatus: 'Delivered' });

    expect((await report(ana, tripId, { orderId: c, kind: 'dropoff', status: 'failed' })).status).toBe(400);
    const failed = await report(ana, tripId, { orderId: c, kind: 'dropoff', status: 'failed', reason: 'Nobody home' });
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    expect(await h.getOrder(c)).toMatchObject({ state: 'attempt_failed', lastMileStatus: 'In Transit' });
    expect(failed.body.trip.state).toBe('completed');

    // Finished: the same report again is still a no-op; a different one is refused with a reason.
    expect(await report(ana, tripId, { orderId: c, kind: 'dropoff', status: 'failed', reason: 'Nobody home' })).toMatchObject({ status: 200, body: { repeated: true } });
    expect((await report(ana, tripId, { orderId: c, kind: 'dropoff', status: 'done' })).body.error?.message).toMatch(/completed: its stops take no more reports/);

    const t = await trip(tripId);
    expect(t.state).toBe('completed');
    // The trip's workflow took it there, and has ended.
    expect(await h.client.workflow.getHandle(tripWorkflowId(tripId)).result()).toBe('completed');
    expect(t.stops.map((s) => s.status)).toEqual(['done', 'done', 'done', 'failed']);
    expect(t.timeline.map((e) => e.action)).toEqual(['create', 'dispatch', 'stop_arrived', 'start', 'stop_done', 'stop_done', 'stop_done', 'stop_failed', 'complete']);
    expect(t.timeline.find((e) => e.action === 'stop_failed')?.reason).toBe('Nobody home');

    const profile = (await (await h.request(`/drivers/${ana}`)).json()) as DriverProfile;
    expect(profile.cashOnHand).toBe(25.5);
  });

  it('keeps drivers apart: another driver’s trip and stops are unknown (404), and their own list holds only theirs', { timeout: 120_000 }, async () => {
    const o = await orderFor(ana, 'delivery');
    const tripId = await plan(ana, [{ orderId: o, kind: 'dropoff' }]);
    expect((await h.request(`/trips/${tripId}/dispatch`, { method: 'POST' })).status).toBe(200);
    expect((await asDriver(bo, `/driver/trips/${tripId}`)).status).toBe(404);
    const theirs = await report(bo, tripId, { orderId: o, kind: 'dropoff', status: 'arrived' });
    expect(theirs.status).toBe(404);
    expect(((await (await asDriver(bo, '/driver/trips')).json()) as { trips: DriverTrip[] }).trips.map((t) => t.id)).not.toContain(tripId);
    expect((await trip(tripId)).stops[0]!.status).toBe('pending');
    // A stop that is not on the driver's own trip is unknown too.
    expect((await report(ana, tripId, { orderId: 'not-on-it', kind: 'dropoff', status: 'arrived' })).status).toBe(404);
  });

  it('keeps the last position, only from a newer fix, and shows it with the trip on the monitor', { timeout: 60_000 }, async () => {
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const ping = async (body: unknown) => {
      const res = await asDriver(bo, '/driver/location', body);
      return { status: res.status, body: (await res.json()) as { kept: boolean } };
    };
    expect(await ping({ lat: 52.1, lng: 5.1, at: at(2) })).toEqual({ status: 200, body: { kept: true } });
    expect(await ping({ lat: 50, lng: 4, at: at(5) })).toEqual({ status: 200, body: { kept: false } });
    expect((await ping({ lat: 91, lng: 5.1, at: at(1) })).status).toBe(400);
    expect((await ping({ lat: 52, lng: 5, at: at(3 * 24 * 60) })).status).toBe(400);
    const monitor = (await (await h.request(`/drivers/monitor?workAreaId=${pool}`)).json()) as { drivers: MonitorRow[] };
    const row = monitor.drivers.find((r) => r.driverId === bo)!;
    expect(row.position).toMatchObject({ lat: 52.1, lng: 5.1 });
    expect(row.currentTrip?.state).toBe('dispatched');
    expect(row).toMatchObject({ stopsDone: 0, stopsLeft: 1, lateStops: 0, cashOnHand: 0 });
    expect(monitor.drivers.find((r) => r.driverId === ana)).toMatchObject({ cashOnHand: 25.5 });
  });
});
