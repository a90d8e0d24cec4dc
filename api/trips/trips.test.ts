import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../domain/order.ts';
import type { TripDetail } from '../../domain/trips/trip.ts';
import type { Role } from '../../domain/roles.ts';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { createTrip } from '../../store/trips/create-trip.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';
import { tripStateQuery, tripStepUpdate, tripWorkflowId } from '../../workflows/trip-definitions.ts';

/** Trips through the API, on orders the worker released and assigned to the pool's drivers. */
describe('trips', () => {
  let h: Harness;
  const pool = `drivers-${Date.now()}`;
  const drivers = ['ana', 'bo'].map((d) => `${d}-${Date.now()}`);

  beforeAll(async () => {
    h = await createHarness({ worker: true });
    const area = await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: pool, name: 'Trip drivers', kind: 'driver_pool', zone: null, capacity: { wipLimit: 20 } }) });
    expect(area.status).toBe(201);
    for (const id of drivers) {
      const res = await h.request(`/work-areas/${pool}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id, name: id, kind: 'driver', capacity: 10 }) });
      expect(res.status, await res.text()).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  /** An order of `kind` taken through the API, released by the worker and assigned (reassigned if need be) to `driver`. */
  const orderFor = async (driver: string, kind: 'delivery' | 'pickup_delivery' = 'pickup_delivery') => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `TRIP-${crypto.randomUUID()}`, account: 'ACME', kind, workAreaId: pool, dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 1 }] }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as OrderSummary;
    await eventually(async () => ((await h.getOrder(id)).state === 'assigned' ? true : undefined), `order ${id} to be assigned`);
    await reassign(id, driver);
    return id;
  };
  const reassign = async (id: string, driver: string) => {
    if ((await h.getOrder(id)).assignee === driver) return;
    const res = await h.request(`/orders/${id}/actions`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'reassign', resource: driver, reason: 'Goes on their trip' }) });
    expect(res.status, await res.text()).toBeLessThan(300);
    await eventually(async () => ((await h.getOrder(id)).assignee === driver ? true : undefined), `order ${id} to be ${driver}'s`);
  };
  const post = async (path: string, body: unknown, role: Role = 'dispatcher') => {
    const res = await h.request(path, { method: 'POST', role, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as TripDetail & { error?: { message: string } } };
  };
  const get = async (id: string) => (await (await h.request(`/trips/${id}`)).json()) as TripDetail;
  const both = (orderId: string) => [{ orderId, kind: 'pickup' }, { orderId, kind: 'dropoff' }];
  const stopsOf = (t: TripDetail) => t.stops.map((s) => `${s.kind}:${s.orderId}`);

  it('plans a trip, reorders it, moves a pair to another trip, hands it over and dispatches it, all in its timeline', { timeout: 180_000 }, async () => {
    const [ana, bo] = drivers as [string, string];
    const [a, b, c] = [await orderFor(ana), await orderFor(ana), await orderFor(ana, 'delivery')];

    const planned = await post('/trips', { driverId: ana, stops: [...both(a), ...both(b)], note: 'Morning run' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const trip = planned.body;
    expect(trip).toMatchObject({ state: 'planned', driverId: ana, workAreaId: pool });
    expect(trip.timeline).toMatchObject([{ action: 'create', toState: 'planned', reason: 'Morning run' }]);

    // The same order on a second trip is refused, naming the trip that has it; a drop-off first, saying why.
    const twice = await post('/trips', { driverId: ana, stops: both(a) });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.message).toBe(`Order ${a} is already on trip ${trip.id}: move it from there instead.`);
    const reversed = await post('/trips', { driverId: ana, stops: [both(a)[1], both(a)[0]] });
    expect(reversed.status).toBe(409);
    expect(reversed.body.error?.message).toMatch(`The drop-off of order ${a} comes before its pickup`);
    const halfPair = await post('/trips', { driverId: ana, stops: both(c) });
    expect(halfPair.body.error?.message).toBe(`Order ${c} needs a drop-off on its trip: remove a pickup.`);

    const reordered = await post(`/trips/${trip.id}/order`, { stops: [both(a)[0], both(b)[0], both(b)[1], both(a)[1]] });
    expect(reordered.status).toBe(200);
    expect(stopsOf(reordered.body)).toEqual([`pickup:${a}`, `pickup:${b}`, `dropoff:${b}`, `dropoff:${a}`]);
    const backwards = await post(`/trips/${trip.id}/order`, { stops: [both(a)[1], both(b)[0], both(b)[1], both(a)[0]] });
    expect(backwards.body.error?.message).toMatch(`The drop-off of order ${a} comes before its pickup`);

    // Moving order a to ana's second trip takes its pickup and drop-off together, pickup first.
    const second = await post('/trips', { driverId: ana, stops: [{ orderId: c, kind: 'dropoff' }] });
    expect(second.status).toBe(201);
    const moved = await post(`/trips/${trip.id}/moves`, { orderId: a, toTripId: second.body.id, at: 0 });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(stopsOf(moved.body)).toEqual([`pickup:${b}`, `dropoff:${b}`]);
    expect(stopsOf(await get(second.body.id))).toEqual([`pickup:${a}`, `dropoff:${a}`, `dropoff:${c}`]);
    expect((await get(second.body.id)).timeline.at(-1)).toMatchObject({ action: 'move_stop_in' });

    // A hand-over the trip refuses moves no order: b stays ana's.
    const nobody = await post(`/trips/${trip.id}/hand-over`, { driverId: 'nobody', reason: 'Van broke down' });
    expect(nobody.status).toBe(409);
    expect(nobody.body.error?.message).toMatch(/No driver nobody/);
    expect((await h.getOrder(b)).assignee).toBe(ana);
    // The ops manager may plan trips but not reassign orders: told so before anything moves.
    const asManager = await post(`/trips/${trip.id}/hand-over`, { driverId: bo, reason: 'Van broke down' }, 'ops_manager');
    expect(asManager.status).toBe(403);
    expect(asManager.body.error?.message).toBe(`This puts order ${b}, assigned to ${ana}, on ${bo}'s trip, which reassigns it: The action "reassign" needs the dispatcher role. Ask a dispatcher, or leave out orders assigned to other drivers.`);
    expect((await h.getOrder(b)).assignee).toBe(ana);
    // Handing the trip to bo reassigns its orders to bo through their workflows, then its stops go with it, in order.
    const handed = await post(`/trips/${trip.id}/hand-over`, { driverId: bo, reason: 'Van broke down' });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    expect(handed.body).toMatchObject({ driverId: bo });
    expect(stopsOf(handed.body)).toEqual([`pickup:${b}`, `dropoff:${b}`]);
    expect(handed.body.timeline.at(-1)).toMatchObject({ action: 'hand_over', reason: 'Van broke down' });
    const handedOrder = await h.getOrder(b);
    expect(handedOrder.assignee).toBe(bo);
    expect(JSON.stringify(handedOrder)).toContain('Van broke down');

    const dispatched = await post(`/trips/${trip.id}/dispatch`, {});
    expect(dispatched.status).toBe(200);
    expect(dispatched.body.state).toBe('dispatched');
    const again = await post(`/trips/${trip.id}/dispatch`, {});
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toBe('A trip that is dispatched cannot be dispatched.');

    const cancelled = await post(`/trips/${trip.id}/cancel`, { reason: 'Storm warning' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.timeline.map((e) => e.action)).toEqual(['create', 'reorder', 'move_stop_out', 'hand_over', 'dispatch', 'cancel']);
    expect(cancelled.body.timeline.at(-1)).toMatchObject({ fromState: 'dispatched', toState: 'cancelled', reason: 'Storm warning' });
    // Cancelled, the trip lets go of b: it can go on another of bo's trips.
    expect((await post('/trips', { driverId: bo, stops: both(b) })).status).toBe(201);

    const listed = (await (await h.request(`/trips?driverId=${bo}&state=cancelled`)).json()) as { trips: TripDetail[] };
    expect(listed.trips.map((t) => t.id)).toEqual([trip.id]);
    const byOrder = (await (await h.request(`/trips?orderId=${a}`)).json()) as { trips: TripDetail[] };
    expect(byOrder.trips.map((t) => t.id)).toEqual([second.body.id]);
  });

  it.each([
    { name: 'a pick order', body: async () => ({ driverId: drivers[0], stops: [{ orderId: (await assignedPick()).id, kind: 'dropoff' }] }), status: 409, message: /is a pick order: only pickup, delivery/ },
    { name: 'no stops', body: async () => ({ driverId: drivers[0], stops: [] }), status: 400, message: /a trip needs at least one stop/ },
    { name: 'an unknown driver', body: async () => ({ driverId: 'nobody', stops: [{ orderId: 'x', kind: 'dropoff' }] }), status: 409, message: /No driver nobody/ },
  ])('refuses $name, saying why', { timeout: 60_000 }, async ({ body, status, message }) => {
    const res = await post('/trips', await body());
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).toMatch(message);
  });

  it('answers 404 for a trip that does not exist', async () => {
    expect((await h.request('/trips/nope')).status).toBe(404);
    expect((await post('/trips/nope/dispatch', {})).status).toBe(404);
  });

  const assignedPick = async () => {
    const res = await h.request('/orders', { method: 'POST', body: JSON.stringify({ reference: `PICK-${crypto.randomUUID()}`, account: 'ACME', kind: 'pick', workAreaId: h.workAreaId, dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 1 }] }) });
    return (await res.json()) as OrderSummary;
  };

  it('runs each trip in a workflow of its own: dispatched and cancelled through it, one step at a time, and then it ends', { timeout: 120_000 }, async () => {
    const [ana] = drivers as [string];
    const a = await orderFor(ana, 'delivery');
    const planned = await post('/trips', { driverId: ana, stops: [{ orderId: a, kind: 'dropoff' }] });
    expect(planned.status).toBe(201);
    const handle = h.client.workflow.getHandle(tripWorkflowId(planned.body.id));
    expect(await handle.query(tripStateQuery)).toBe('planned');

    const twice = await Promise.all([1, 2].map(() => post(`/trips/${planned.body.id}/dispatch`, {})));
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(twice.find((r) => r.status === 409)!.body.error?.message).toBe('A trip that is dispatched cannot be dispatched.');
    expect(await handle.query(tripStateQuery)).toBe('dispatched');

    expect((await post(`/trips/${planned.body.id}/cancel`, { reason: 'Van broke down' })).status).toBe(200);
    expect(await handle.result()).toBe('cancelled');
    expect((await post(`/trips/${planned.body.id}/cancel`, { reason: 'Again' })).body.error?.message).toBe('A trip that is cancelled cannot be cancelled.');
    expect((await get(planned.body.id)).timeline.map((e) => e.action)).toEqual(['create', 'dispatch', 'cancel']);
  });

  it('starts the workflow of a trip planned without one from its stored state, and refuses completion while stops are open', { timeout: 120_000 }, async () => {
    const [ana] = drivers as [string];
    const [a, b] = [await orderFor(ana, 'delivery'), await orderFor(ana, 'delivery')];
    const id = crypto.randomUUID();
    const stops = [a, b].map((orderId) => ({ orderId, kind: 'dropoff' as const, pinned: false }));
    await createTrip(h.store.em, { id, driverId: ana, stops, note: null, by: 'user:test', now: new Date() });
    const handle = h.client.workflow.getHandle(tripWorkflowId(id));
    await expect(handle.describe()).rejects.toThrow(WorkflowNotFoundError);

    expect((await post(`/trips/${id}/dispatch`, {})).status).toBe(200);
    expect(await handle.query(tripStateQuery)).toBe('dispatched');
    // As the driver's first report does: the trip starts; completing it waits until its stops are settled.
    expect(await handle.executeUpdate(tripStepUpdate, { args: [{ action: 'start', by: `driver:${ana}` }] })).toBe('in_progress');
    const early = await handle.executeUpdate(tripStepUpdate, { args: [{ action: 'complete', by: `driver:${ana}` }] }).catch((err: unknown) => err);
    expect(early).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((early as WorkflowUpdateFailedError).cause?.message).toBe('The trip still has 2 stops neither done nor failed: settle or move them before completing it.');
    expect(await handle.query(tripStateQuery)).toBe('in_progress');
    expect((await get(id)).state).toBe('in_progress');
  });
});
