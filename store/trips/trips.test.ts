import { describe, expect, it } from 'vitest';
import type { OrderKind } from '../../domain/order.ts';
import type { OrderState } from '../../domain/lifecycle.ts';
import type { StopInput } from '../../domain/trips/trip.ts';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AccountRecord } from '../accounts/account.entity.ts';
import { OrderRecord } from '../order.entity.ts';
import { ResourceRecord } from '../resource.entity.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { handOverTrip, moveTripOrder, reorderTrip } from './change-trip.ts';
import { createTrip } from './create-trip.ts';
import { stepTrip } from './step-trip.ts';
import { inTransaction } from '../in-transaction.ts';
import { TripRecord } from './trip.entity.ts';
import { TripRefusal } from './trip-refusal.ts';
import { saveStops } from './trip-stops.ts';
import { liveTripOf, readTrip } from './trips.ts';

/** Trips on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
describe('trips in the store', () => {
  const store = useTempStore();
  let n = 0;
  const who = () => ({ by: 'user:dee', now: new Date() });

  const setUp = async () => {
    const em = store().em.fork();
    if (await em.findOne(WorkAreaRecord, { id: 'pool-n' })) return;
    em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
    em.create(WorkAreaRecord, { id: 'pool-n', name: 'North drivers', kind: 'driver_pool', wipLimit: 50 });
    em.create(WorkAreaRecord, { id: 'line-1', name: 'Line 1', kind: 'production_line', wipLimit: 5 });
    const resource = { skills: [], capacity: 10, available: true, carrierType: 'internal' as const, zone: null };
    em.create(ResourceRecord, { id: 'driver-ana', workAreaId: 'pool-n', name: 'Ana', kind: 'driver', ...resource });
    em.create(ResourceRecord, { id: 'driver-bo', workAreaId: 'pool-n', name: 'Bo', kind: 'driver', ...resource });
    em.create(ResourceRecord, { id: 'driver-cy', workAreaId: 'pool-n', name: 'Cy', kind: 'driver', ...resource, available: false });
    em.create(ResourceRecord, { id: 'crew-1', workAreaId: 'line-1', name: 'Crew', kind: 'team', ...resource });
    await em.flush();
  };
  const order = async (kind: OrderKind = 'pickup_delivery', state: OrderState = 'released', assignee: string | null = null) => {
    await setUp();
    const em = store().em.fork();
    const id = `o-${++n}`;
    em.create(OrderRecord, { id, account: 'ACME', kind, statedPriority: 'normal', dueAt: hoursFromNow(4), workAreaId: 'pool-n', lines: [{ sku: 'BOX', qty: 1, price: 10 }], state, assignee, paymentMode: 'prepaid' });
    await em.flush();
    return id;
  };
  const both = (orderId: string): StopInput[] => [{ orderId, kind: 'pickup', pinned: false }, { orderId, kind: 'dropoff', pinned: false }];
  const plan = async (stops: StopInput[], driverId = 'driver-ana') => {
    const id = crypto.randomUUID();
    await createTrip(store().em, { id, driverId, stops, ...who() });
    return id;
  };
  const trip = async (id: string) => (await readTrip(store().em.fork(), id))!;
  const order$ = (t: Awaited<ReturnType<typeof trip>>) => t.stops.map((s) => `${s.kind}:${s.orderId}`);
  const refusal = (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof TripRefusal ? err.message : Promise.reject(err)));
  const outcomes = (settled: PromiseSettledResult<unknown>[]) => ({
    won: settled.filter((s) => s.status === 'fulfilled').length,
    refused: settled.filter((s) => s.status === 'rejected' && s.reason instanceof TripRefusal).length,
  });

  it('plans a trip with its stops in order, claims its orders, and logs it', async () => {
    const [a, b] = [await order(), await order('delivery')];
    const id = await plan([...both(a).slice(0, 1), { orderId: b, kind: 'dropoff', pinned: true }, both(a)[1]!]);
    const t = await trip(id);
    expect(t).toMatchObject({ state: 'planned', driverId: 'driver-ana', workAreaId: 'pool-n' });
    expect(order$(t)).toEqual([`pickup:${a}`, `dropoff:${b}`, `dropoff:${a}`]);
    expect(t.stops[1]).toMatchObject({ pinned: true, status: 'pending' });
    expect(t.timeline).toMatchObject([{ action: 'create', toState: 'planned', actor: 'user:dee' }]);
    expect(await liveTripOf(store().em.fork(), a)).toBe(id);
  });

  it.each([
    { name: 'a drop-off before its pickup', stops: (o: string) => [both(o)[1]!, both(o)[0]!], refused: /drop-off of order o-\d+ comes before its pickup/ },
    { name: 'a pickup & delivery with only its drop-off', stops: (o: string) => [both(o)[1]!], refused: /needs a pickup and a drop-off on its trip: add a pickup/ },
    { name: 'an order not there', stops: () => both('nope'), refused: 'No order nope.' },
  ])('refuses $name and writes nothing', async ({ stops, refused }) => {
    const o = await order();
    const got = await refusal(plan(stops(o)));
    expect(got).toEqual(typeof refused === 'string' ? refused : expect.stringMatching(refused));
    expect(await liveTripOf(store().em.fork(), o)).toBeNull();
  });

  it.each([
    { name: 'a pick order', make: () => order('pick'), driver: 'driver-ana', refused: /is a pick order/ },
    { name: 'a queued order', make: () => order('delivery', 'queued'), driver: 'driver-ana', refused: /is queued: an order goes on a trip once it is released/ },
    { name: "an order assigned to another driver", make: () => order('delivery', 'assigned', 'driver-bo'), driver: 'driver-ana', refused: /assigned to driver-bo/ },
    { name: 'a team, not a driver', make: () => order('delivery'), driver: 'crew-1', refused: /is a team, not a driver/ },
    { name: 'an unavailable driver', make: () => order('delivery'), driver: 'driver-cy', refused: /marked unavailable/ },
    { name: 'no such driver', make: () => order('delivery'), driver: 'driver-zed', refused: /No driver driver-zed/ },
  ])('refuses $name', async ({ make, driver, refused }) => {
    const o = await make();
    const kind = (await store().em.fork().findOneOrFail(OrderRecord, { id: o })).kind;
    expect(await refusal(plan(kind === 'delivery' ? [both(o)[1]!] : both(o), driver))).toMatch(refused);
  });

  it('puts an order on one live trip only: two dispatchers adding it to two trips at once, one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const o = await order();
      const settled = await Promise.allSettled([plan(both(o), 'driver-ana'), plan(both(o), 'driver-bo')]);
      expect(outcomes(settled)).toEqual({ won: 1, refused: 1 });
      const winner = settled.find((s) => s.status === 'fulfilled')!.value;
      expect(await liveTripOf(store().em.fork(), o)).toBe(winner);
      const loser = settled.find((s) => s.status === 'rejected')!.reason as Error;
      expect(loser.message).toBe(`Order ${o} is already on trip ${winner}: move it from there instead.`);
    }
  });

  it('moves an order between trips at once from two dispatchers: one move wins, the order is on one trip', async () => {
    const [o, x, y] = [await order(), await order('delivery'), await order('delivery')];
    const from = await plan(both(o));
    const [to1, to2] = [await plan([both(x)[1]!], 'driver-bo'), await plan([both(y)[1]!], 'driver-bo')];
    const settled = await Promise.allSettled([to1, to2].map((toTripId) => moveTripOrder(store().em, from, { orderId: o, toTripId }, who())));
    expect(outcomes(settled)).toEqual({ won: 1, refused: 1 });
    const holder = await liveTripOf(store().em.fork(), o);
    const holders = (await Promise.all([from, to1, to2].map(trip))).filter((t) => t.stops.some((s) => s.orderId === o));
    expect(holders.map((t) => t.id)).toEqual([holder]);
    expect(order$(holders[0]!)).toEqual([holders[0]!.id === to1 ? `dropoff:${x}` : `dropoff:${y}`, `pickup:${o}`, `dropoff:${o}`]);
  });

  it('reorders stops, keeping pinned ones, and refuses a change made from a reading another change has passed', async () => {
    const [a, b] = [await order(), await order()];
    const id = await plan([both(a)[0]!, { ...both(b)[0]!, pinned: true }, both(a)[1]!, both(b)[1]!]);
    const refs = (t: string[]) => t.map((s) => ({ orderId: s.slice(s.indexOf(':') + 1), kind: s.slice(0, s.indexOf(':')) as 'pickup' | 'dropoff' }));
    expect(await refusal(reorderTrip(store().em, id, refs([`pickup:${b}`, `pickup:${a}`, `dropoff:${a}`, `dropoff:${b}`]), who()))).toMatch(/pinned: unpin it first/);
    const read = await store().em.fork().findOneOrFail(TripRecord, { id });
    await reorderTrip(store().em, id, refs([`pickup:${a}`, `pickup:${b}`, `dropoff:${b}`, `dropoff:${a}`]), who());
    // A change computed from the reading before that reorder finds the trip moved on, and writes nothing.
    const stale = inTransaction(store().em, (tx) => saveStops(tx, read, [], new Date()));
    expect(await refusal(stale)).toMatch(/Someone else changed this trip at the same moment/);
    const t = await trip(id);
    expect(order$(t)).toEqual([`pickup:${a}`, `pickup:${b}`, `dropoff:${b}`, `dropoff:${a}`]);
    expect(t.stops[1]).toMatchObject({ orderId: b, kind: 'pickup', pinned: true });
    expect(t.timeline.filter((e) => e.action === 'reorder')).toHaveLength(1);
  });

  it('hands a trip over with its stops in order, logging the reason; the new driver must be a driver', async () => {
    const [a, b] = [await order(), await order('delivery')];
    const id = await plan([...both(a), both(b)[1]!]);
    const before = order$(await trip(id));
    expect(await refusal(handOverTrip(store().em, id, { driverId: 'crew-1', reason: 'Van broke down' }, who()))).toMatch(/not a driver/);
    await handOverTrip(store().em, id, { driverId: 'driver-bo', reason: 'Van broke down' }, who());
    const t = await trip(id);
    expect(t.driverId).toBe('driver-bo');
    expect(order$(t)).toEqual(before);
    expect(t.timeline.at(-1)).toMatchObject({ action: 'hand_over', reason: 'Van broke down' });
  });

  it('runs the lifecycle: dispatch, then a cancel lets the orders go to another trip; a cancelled trip changes no more', async () => {
    const o = await order();
    const id = await plan(both(o));
    expect(await stepTrip(store().em, id, { action: 'dispatch', ...who() })).toBe('dispatched');
    expect(await refusal(stepTrip(store().em, id, { action: 'dispatch', ...who() }))).toBe('A trip that is dispatched cannot be dispatched.');
    expect(await refusal(stepTrip(store().em, id, { action: 'complete', ...who() }))).toBe('A trip that is dispatched cannot be completed.');
    expect(await stepTrip(store().em, id, { action: 'cancel', reason: 'Customer asked to wait', ...who() })).toBe('cancelled');
    expect(await liveTripOf(store().em.fork(), o)).toBeNull();
    expect(await refusal(reorderTrip(store().em, id, both(o), who()))).toMatch(/cancelled: its stops no longer change/);
    const again = await plan(both(o), 'driver-bo');
    expect(await liveTripOf(store().em.fork(), o)).toBe(again);
    expect((await trip(id)).timeline.map((e) => `${e.action}:${e.toState ?? ''}`)).toEqual(['create:planned', 'dispatch:dispatched', 'cancel:cancelled']);
  });

  it('dispatches a trip once when two dispatchers dispatch it at once', async () => {
    const id = await plan(both(await order()));
    const settled = await Promise.allSettled([1, 2].map(() => stepTrip(store().em, id, { action: 'dispatch', ...who() })));
    expect(outcomes(settled)).toEqual({ won: 1, refused: 1 });
  });
});
