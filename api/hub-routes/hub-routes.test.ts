import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../domain/order.ts';
import type { Route } from '../../domain/routes/route.ts';
import type { RouteSession, SessionOffer } from '../../domain/routes/route-session.ts';
import type { SessionStepResult } from '../../domain/routes/session-order-actions.ts';
import type { Role } from '../../domain/roles.ts';
import { createHarness, eventually, type Harness } from '../../test/sluice-harness.ts';

/** Routes and route sessions through the API, offered delivery orders the worker released and assigned. */
describe('routes and route sessions', () => {
  let h: Harness;
  const stamp = Date.now();
  const pool = `route-drivers-${stamp}`;
  const driver = `ria-${stamp}`;
  const zone = `hub-zone-${stamp}`;
  const HUB = { lat: 52.37, lng: 4.89 };

  beforeAll(async () => {
    h = await createHarness({ worker: true });
    const area = await h.request('/work-areas', { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: pool, name: 'Route drivers', kind: 'driver_pool', zone: null, capacity: { wipLimit: 20 } }) });
    expect(area.status).toBe(201);
    const res = await h.request(`/work-areas/${pool}/resources`, { method: 'POST', role: 'ops_manager', body: JSON.stringify({ id: driver, name: 'Ria', kind: 'driver', capacity: 10 }) });
    expect(res.status, await res.text()).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const orderAt = async (dropoffLocation: { lat: number; lng: number }, more: Record<string, unknown> = {}, until = ['released', 'assigned']) => {
    const res = await h.request('/orders', {
      method: 'POST',
      body: JSON.stringify({ reference: `RT-${crypto.randomUUID()}`, account: 'ACME', kind: 'delivery', workAreaId: pool, zone, dropoffLocation, dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(), lines: [{ sku: 'A', qty: 1, price: 5 }], ...more }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as OrderSummary;
    await eventually(async () => (until.includes((await h.getOrder(id)).state) ? true : undefined), `order ${id} to be ${until.join(' or ')}`);
    return id;
  };
  const call = async <T>(method: string, path: string, body?: unknown, role: Role = 'dispatcher') => {
    const res = await h.request(path, { method, role, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as T & { error?: { message: string } } };
  };

  it('creates a route, opens a session, offers the orders its stops serve, accepts them once, and runs the session', { timeout: 180_000 }, async () => {
    const near = await orderAt({ lat: 52.38, lng: 4.89 });
    const far = await orderAt({ lat: 52.6, lng: 4.89 });
    const created = await call<Route>('POST', '/hub-routes', { name: 'Morning hub run', zone, driverIds: [driver], stops: [{ name: 'Central hub', location: HUB, radiusKm: 3 }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const route = created.body;

    const stale = await call<Route>('PUT', `/hub-routes/${route.id}`, { name: 'Renamed', zone, driverIds: [driver], stops: route.stops, version: 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error!.message).toMatch(/Someone else changed route Morning hub run since you read it/);

    const day = new Date().toISOString().slice(0, 10);
    const opened = await call<RouteSession>('POST', `/hub-routes/${route.id}/sessions`, { day, shift: 'early', driverId: driver });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const session = opened.body;

    const { offers } = (await call<{ offers: SessionOffer[] }>('GET', `/route-sessions/${session.id}/offers`)).body;
    expect(offers.map((o) => o.orderId)).toEqual([near]);
    expect(offers[0]).toMatchObject({ stop: 'Central hub', why: expect.stringMatching(/^drop-off 1\.1 km away/) });
    const refused = await call<RouteSession>('POST', `/route-sessions/${session.id}/orders`, { orderIds: [far] });
    expect(refused.status).toBe(409);
    expect(refused.body.error!.message).toMatch(/No stop of route Morning hub run serves order/);
    const accepted = await call<RouteSession>('POST', `/route-sessions/${session.id}/orders`, { orderIds: [near] });
    expect(accepted.body.orders).toEqual([{ orderId: near, stop: 'Central hub' }]);

    const second = await call<RouteSession>('POST', `/hub-routes/${route.id}/sessions`, { day, shift: 'late' });
    const taken = await call<RouteSession>('POST', `/route-sessions/${second.body.id}/orders`, { orderIds: [near] });
    expect(taken.status).toBe(409);
    expect(taken.body.error!.message).toBe(`Order ${near} is already in route session ${session.id}: an order runs in one session at a time.`);

    for (const step of ['start', 'pick-up', 'depart']) expect((await call<RouteSession>('POST', `/route-sessions/${session.id}/${step}`, {})).status).toBe(200);
    const cancel = await call<RouteSession>('POST', `/route-sessions/${session.id}/cancel`, { reason: 'Too late' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error!.message).toMatch(/goods are on board/);
    const done = await call<RouteSession>('POST', `/route-sessions/${session.id}/complete`, {});
    expect(done.body).toMatchObject({ state: 'completed', orders: [] });
  });

  it('moves the orders with the session: loading picks them up, leaving puts them on the road, a repeated step moves none twice, completing names the undelivered', { timeout: 180_000 }, async () => {
    const plain = await orderAt({ lat: 52.37, lng: 4.9 }, {}, ['assigned']);
    const collected = await orderAt({ lat: 52.36, lng: 4.89 }, { kind: 'pickup_delivery', pickupLocation: { lat: 52.4, lng: 4.95 } }, ['assigned']);
    const route = (await call<Route>('POST', '/hub-routes', { name: 'Loading run', zone, driverIds: [driver], stops: [{ name: 'Loading dock', location: HUB, radiusKm: 2 }] })).body;
    const session = (await call<RouteSession>('POST', `/hub-routes/${route.id}/sessions`, { day: new Date().toISOString().slice(0, 10), shift: 'loading', driverId: driver })).body;
    expect((await call<RouteSession>('POST', `/route-sessions/${session.id}/orders`, { orderIds: [plain, collected] })).status).toBe(200);
    const started = await call<SessionStepResult>('POST', `/route-sessions/${session.id}/start`, {});
    expect(started.body).toMatchObject({ state: 'started', results: [], undelivered: [], repeated: false });

    const loaded = await call<SessionStepResult>('POST', `/route-sessions/${session.id}/pick-up`, {});
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    expect(loaded.body.state).toBe('picked_up');
    expect(new Set(loaded.body.results)).toEqual(new Set([plain, collected].map((orderId) => ({ orderId, outcome: 'acted', actions: ['pick_up'], message: null }))));
    for (const id of [plain, collected]) expect(await h.reach(id, 'picked_up')).toMatchObject({ lastMileStatus: 'Picked Up' });

    const reloaded = await call<SessionStepResult>('POST', `/route-sessions/${session.id}/pick-up`, {});
    expect(reloaded.status).toBe(200);
    expect(reloaded.body.repeated).toBe(true);
    expect(reloaded.body.results.map((r) => [r.outcome, r.message])).toEqual([plain, collected].map(() => ['skipped', expect.stringMatching(/^Already picked up/)]));

    // Two dispatchers send the session off at the same moment: one steps it, the other's step is a repeat whose order actions join the first's.
    const departs = await Promise.all([1, 2].map(() => call<SessionStepResult>('POST', `/route-sessions/${session.id}/depart`, {})));
    expect(departs.map((d) => d.status)).toEqual([200, 200]);
    expect(departs.map((d) => d.body.repeated).sort()).toEqual([false, true]);
    const first = departs.find((d) => !d.body.repeated)!.body;
    expect(first.results.find((r) => r.orderId === collected)).toMatchObject({ outcome: 'acted', actions: ['stage', 'depart'] });
    expect(first.results.find((r) => r.orderId === plain)).toMatchObject({ outcome: 'acted', actions: ['depart'] });
    for (const id of [plain, collected]) {
      const order = await h.reach(id, 'in_transit');
      expect(order.lastMileStatus).toBe('In Transit');
      expect(order.timeline.filter((t) => t.to === 'in_transit')).toHaveLength(1);
      expect(order.timeline.filter((t) => t.to === 'picked_up')).toHaveLength(1);
    }

    const delivered = await h.request(`/orders/${plain}/actions`, { method: 'POST', role: 'dispatcher', body: JSON.stringify({ action: 'deliver' }) });
    expect(delivered.status, await delivered.clone().text()).toBe(200);
    await eventually(async () => ((await h.getOrder(plain)).lastMileStatus === 'Delivered' ? true : undefined), `order ${plain} to be delivered`);
    const done = await call<SessionStepResult>('POST', `/route-sessions/${session.id}/complete`, {});
    expect(done.body).toMatchObject({ state: 'completed', orders: [], undelivered: [collected], repeated: false });
    expect(done.body.results.find((r) => r.orderId === plain)).toMatchObject({ outcome: 'skipped', message: 'Delivered.' });
    expect(done.body.results.find((r) => r.orderId === collected)?.message).toMatch(/^Not delivered yet \(in transit\)/);
    expect((await call<SessionStepResult>('POST', `/route-sessions/${session.id}/complete`, {})).status).toBe(409);
  });

  it.each([
    { name: 'a stop outside the globe', body: { name: 'X', stops: [{ name: 'A', location: { lat: 99, lng: 0 } }] }, status: 400 },
    { name: 'no stops', body: { name: 'X', stops: [] }, status: 400 },
    { name: 'a driver who is not there', body: { name: 'X', driverIds: ['nobody'], stops: [{ name: 'A', location: { lat: 1, lng: 1 } }] }, status: 409 },
  ])('refuses a route with $name ($status)', async ({ body, status }) => {
    expect((await call('POST', '/hub-routes', body)).status).toBe(status);
  });
});
