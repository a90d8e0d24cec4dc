import { describe, expect, it } from 'vitest';
import type { OrderState } from '../../domain/lifecycle.ts';
import type { OrderKind } from '../../domain/order.ts';
import { routeInput, type RouteInput } from '../../domain/routes/route.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AccountRecord } from '../accounts/account.entity.ts';
import { AuditEntryRecord } from '../audit-entry.entity.ts';
import { OrderRecord } from '../order.entity.ts';
import { ResourceRecord } from '../resource.entity.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { createRoute, readRoute, retireRoute, updateRoute } from './hub-routes.ts';
import { RouteRefusal } from './route-refusal.ts';
import { openSession, readSession, stepSession } from './route-sessions.ts';
import { acceptOffers, sessionOffers } from './session-offers.ts';

const HUB = { lat: 52.37, lng: 4.89 };
/** About 1.1 km from the hub, and about 11 km. */
const NEAR = { lat: 52.38, lng: 4.89 };
const FAR = { lat: 52.47, lng: 4.89 };

/** Routes and their sessions on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
describe('routes and route sessions in the store', () => {
  const store = useTempStore();
  const who = () => ({ by: 'user:dee', now: new Date() });
  /** Each test's own zone, so that one test's orders are never offered to another's route. */
  const zone = () => `z-${crypto.randomUUID().slice(0, 8)}`;

  const setUp = async () => {
    const em = store().em.fork();
    if (await em.findOne(WorkAreaRecord, { id: 'pool-r' })) return;
    em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
    em.create(AccountRecord, { code: 'GLOBEX', name: 'Globex' });
    em.create(WorkAreaRecord, { id: 'pool-r', name: 'Route drivers', kind: 'driver_pool', wipLimit: 50 });
    const resource = { skills: [], capacity: 10, available: true, carrierType: 'internal' as const, zone: null };
    em.create(ResourceRecord, { id: 'driver-ria', workAreaId: 'pool-r', name: 'Ria', kind: 'driver', ...resource });
    em.create(ResourceRecord, { id: 'crew-r', workAreaId: 'pool-r', name: 'Crew', kind: 'team', ...resource });
    await em.flush();
  };
  const order = async (z: string, o: { kind?: OrderKind; state?: OrderState; account?: string; dropoff?: { lat: number; lng: number } } = {}) => {
    await setUp();
    const em = store().em.fork();
    const id = `o-${crypto.randomUUID().slice(0, 8)}`;
    em.create(OrderRecord, {
      id, account: o.account ?? 'ACME', kind: o.kind ?? 'delivery', statedPriority: 'normal', dueAt: hoursFromNow(4), workAreaId: 'pool-r', zone: z, warehouse: 'W1',
      lines: [{ sku: 'BOX', qty: 1, price: 10 }], state: o.state ?? 'released', paymentMode: 'prepaid', dropoffLat: o.dropoff?.lat ?? null, dropoffLng: o.dropoff?.lng ?? null,
    });
    await em.flush();
    return id;
  };
  const route = async (z: string, extra: Partial<RouteInput> = {}) => {
    await setUp();
    const id = crypto.randomUUID();
    const input = routeInput.parse({ name: `Run ${z}`, warehouse: 'W1', zone: z, driverIds: ['driver-ria'], stops: [{ name: 'Hub', location: HUB, radiusKm: 2 }, { name: 'Globex dock', location: FAR, accounts: ['GLOBEX'] }], ...extra });
    await createRoute(store().em, id, input, who());
    return id;
  };
  const session = async (routeId: string, day = new Date().toISOString().slice(0, 10), shift: string | null = null) => {
    const id = crypto.randomUUID();
    await openSession(store().em, id, { routeId, day, shift, driverId: 'driver-ria' }, who());
    return id;
  };
  const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof RouteRefusal ? err.message : Promise.reject(err)));
  const log = (subjectId: string) => store().em.fork().find(AuditEntryRecord, { subjectId }, { orderBy: { seq: 'asc' } });

  it('creates, changes and retires a route, each audited; a change from an old version or to a retired route is refused', async () => {
    const z = zone();
    const id = await route(z);
    const r = (await readRoute(store().em.fork(), id))!;
    expect(r).toMatchObject({ name: `Run ${z}`, zone: z, active: true, version: 0, driverIds: ['driver-ria'] });
    expect(r.stops.map((s) => s.name)).toEqual(['Hub', 'Globex dock']);
    const changed = routeInput.parse({ name: 'Morning run', warehouse: r.warehouse, zone: r.zone, stops: r.stops, driverIds: r.driverIds, note: 'Renamed for the early shift' });
    await updateRoute(store().em, id, { ...changed, version: 0 }, who());
    expect(await refusal(updateRoute(store().em, id, { ...changed, version: 0 }, who()))).toMatch(/Someone else changed route Morning run since you read it \(now version 1\)/);
    await retireRoute(store().em, id, 'Hub closed', who());
    expect(await refusal(updateRoute(store().em, id, { ...changed, version: 1 }, who()))).toMatch(/is retired/);
    expect((await log(id)).map((e) => e.action)).toEqual(['create', 'update', 'retire']);
  });

  it.each([
    { name: 'a team for a driver', extra: { driverIds: ['crew-r'] }, refused: /Crew \(crew-r\) is a team, not a driver/ },
    { name: 'no such driver', extra: { driverIds: ['driver-zed'] }, refused: /No driver driver-zed/ },
    { name: 'two stops of one name', extra: { stops: [{ name: 'Hub', location: HUB }, { name: 'Hub', location: FAR }] }, refused: /Two stops are named Hub/ },
  ])('refuses a route with $name', async ({ extra, refused }) => {
    expect(await refusal(route(zone(), extra as Partial<RouteInput>))).toMatch(refused);
  });

  it('offers the orders a stop serves, and takes the chosen ones into the open session', async () => {
    const z = zone();
    const near = await order(z, { dropoff: NEAR });
    const globex = await order(z, { account: 'GLOBEX' });
    const far = await order(z, { dropoff: FAR });
    const queued = await order(z, { dropoff: NEAR, state: 'queued' });
    const otherZone = await order(zone(), { dropoff: NEAR });
    const s = await session(await route(z));
    const offers = await sessionOffers(store().em.fork(), s);
    expect(offers.map((o) => [o.orderId, o.stop])).toEqual(expect.arrayContaining([[near, 'Hub'], [globex, 'Globex dock']]));
    expect(offers.map((o) => o.orderId)).not.toEqual(expect.arrayContaining([far]));
    expect(offers.map((o) => o.orderId)).not.toContain(queued);
    expect(offers.map((o) => o.orderId)).not.toContain(otherZone);
    expect(offers.find((o) => o.orderId === near)!.why).toBe('drop-off 1.1 km away (within 2.0 km)');

    expect(await refusal(acceptOffers(store().em, s, [near, far], who()))).toMatch(/No stop of route .* serves order/);
    expect((await readSession(store().em.fork(), s))!.orders).toEqual([]);
    await acceptOffers(store().em, s, [near, globex], who());
    expect((await readSession(store().em.fork(), s))!.orders).toEqual(expect.arrayContaining([{ orderId: near, stop: 'Hub' }, { orderId: globex, stop: 'Globex dock' }]));
    expect(await sessionOffers(store().em.fork(), s)).toEqual([]);
    expect((await log(s)).map((e) => e.action)).toEqual(['open', 'accept_orders']);
  });

  it('puts an order in one live session: two sessions accepting it at once, one wins', async () => {
    const z = zone();
    const r = await route(z);
    const day = new Date().toISOString().slice(0, 10);
    for (let round = 0; round < 5; round++) {
      const o = await order(z, { dropoff: NEAR });
      const [a, b] = [await session(r, day, `early-${round}`), await session(r, day, `late-${round}`)];
      const settled = await Promise.allSettled([a, b].map((s) => acceptOffers(store().em, s, [o], who())));
      expect(settled.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      const lost = settled.find((x) => x.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(RouteRefusal);
      expect((lost.reason as Error).message).toMatch(new RegExp(`Order ${o} is already in route session`));
      const holders = (await Promise.all([a, b].map((s) => readSession(store().em.fork(), s)))).filter((s) => s!.orders.some((x) => x.orderId === o));
      expect(holders).toHaveLength(1);
    }
  });

  it('runs a session through its lifecycle; a second open session for the day is refused; completing lets its orders go', async () => {
    const z = zone();
    const r = await route(z);
    const o = await order(z, { dropoff: NEAR });
    const tomorrow = hoursFromNow(24).slice(0, 10);
    const s = await session(r, tomorrow);
    expect(await refusal(session(r, tomorrow))).toMatch(new RegExp(`already has a session for ${tomorrow}: ${s}`));
    await acceptOffers(store().em, s, [o], who());
    expect(await stepSession(store().em, s, { action: 'start', ...who() })).toBe('started');
    expect(await refusal(acceptOffers(store().em, s, [o], who()))).toMatch(/The session is started: orders join a session only while it is open/);
    expect(await refusal(stepSession(store().em, s, { action: 'depart', ...who() }))).toBe('A session that is started cannot be sent in transit.');
    for (const action of ['pick_up', 'depart'] as const) await stepSession(store().em, s, { action, ...who() });
    expect(await refusal(stepSession(store().em, s, { action: 'cancel', ...who() }))).toMatch(/goods are on board/);
    expect(await stepSession(store().em, s, { action: 'complete', ...who() })).toBe('completed');
    expect((await readSession(store().em.fork(), s))!.orders).toEqual([]);
    expect((await log(s)).map((e) => `${e.action}:${e.toState ?? ''}`)).toEqual(['open:open', 'accept_orders:', 'start:started', 'pick_up:picked_up', 'depart:in_transit', 'complete:completed']);
  });

  it('starts a session once when two dispatchers start it at once', async () => {
    const s = await session(await route(zone()));
    const settled = await Promise.allSettled([1, 2].map(() => stepSession(store().em, s, { action: 'start', ...who() })));
    expect(settled.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    expect((settled.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(RouteRefusal);
  });
});
