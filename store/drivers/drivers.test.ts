import { describe, expect, it } from 'vitest';
import { hoursFromNow } from '../../test/clock.ts';
import { useTempStore } from '../../test/temp-store.ts';
import { AccountRecord } from '../accounts/account.entity.ts';
import { OrderRecord } from '../order.entity.ts';
import { ResourceRecord } from '../resource.entity.ts';
import { createTrip } from '../trips/create-trip.ts';
import { stepTrip } from '../trips/step-trip.ts';
import { readTrip } from '../trips/trips.ts';
import { WorkAreaRecord } from '../work-area.entity.ts';
import { cashOnHand } from './cash-on-hand.ts';
import { readDriverMonitor } from './driver-monitor.ts';
import { readDriverProfiles, recordLocation, saveDriverProfile } from './driver-profiles.ts';
import { DriverRefusal } from './driver-refusal.ts';
import { settleStop } from './settle-stop.ts';

/** Drivers on the store the suite runs on (SQLite, or PostgreSQL with SLUICE_TEST_STORE=postgres). */
describe('drivers in the store', () => {
  const store = useTempStore();
  let n = 0;
  const who = () => ({ by: 'user:dee', now: new Date() });
  const profile = { shiftStart: '07:00', shiftEnd: '15:30', vehicle: { name: 'Van 3', capacityOrders: 40, weightKg: 900, volumeM3: null }, zones: ['north', 'centre'] };

  const setUp = async () => {
    const em = store().em.fork();
    if (await em.findOne(WorkAreaRecord, { id: 'pool-d' })) return;
    em.create(AccountRecord, { code: 'ACME', name: 'Acme' });
    em.create(WorkAreaRecord, { id: 'pool-d', name: 'Drivers', kind: 'driver_pool', wipLimit: 50 });
    const resource = { skills: [], capacity: 10, available: true, carrierType: 'internal' as const, zone: null, workAreaId: 'pool-d', kind: 'driver' as const };
    em.create(ResourceRecord, { id: 'd-ana', name: 'Ana', ...resource });
    em.create(ResourceRecord, { id: 'd-bo', name: 'Bo', ...resource, available: false });
    await em.flush();
  };
  const order = async (o: { assignee?: string; dueInHours?: number; collected?: number | null; remitted?: number | null } = {}) => {
    await setUp();
    const em = store().em.fork();
    const id = `do-${++n}`;
    em.create(OrderRecord, {
      id,
      account: 'ACME',
      kind: 'delivery',
      statedPriority: 'normal',
      dueAt: hoursFromNow(o.dueInHours ?? 4),
      workAreaId: 'pool-d',
      lines: [{ sku: 'BOX', qty: 1, price: 10 }],
      state: 'assigned',
      assignee: o.assignee ?? 'd-ana',
      paymentMode: o.collected === undefined ? 'prepaid' : 'cod',
      codCollected: o.collected ?? null,
      codRemitted: o.remitted ?? null,
    });
    await em.flush();
    return id;
  };
  /** A trip its driver has started (in the live system, by the trip's workflow on the first report). */
  const startedTrip = async (orderIds: string[]) => {
    const id = crypto.randomUUID();
    await createTrip(store().em, { id, driverId: 'd-ana', stops: orderIds.map((orderId) => ({ orderId, kind: 'dropoff' as const, pinned: false })), ...who() });
    await stepTrip(store().em, id, { action: 'dispatch', ...who() });
    await stepTrip(store().em, id, { action: 'start', ...who() });
    return id;
  };
  const settle = (tripId: string, orderId: string, to: 'arrived' | 'done' | 'failed', from: 'pending' | 'arrived' = 'pending') =>
    settleStop(store().em, { tripId, driverId: 'd-ana', orderId, kind: 'dropoff', from, to, data: {}, ...who() });

  it('keeps a profile, refuses a save from an older reading, and audits each save', async () => {
    await setUp();
    await saveDriverProfile(store().em, 'd-ana', 0, profile, who());
    const refused = saveDriverProfile(store().em, 'd-ana', 0, { ...profile, zones: ['south'] }, who());
    await expect(refused).rejects.toThrow(DriverRefusal);
    await saveDriverProfile(store().em, 'd-ana', 1, { ...profile, zones: ['south'] }, who());
    const [ana] = await readDriverProfiles(store().em.fork(), { driverIds: ['d-ana'] });
    expect(ana).toMatchObject({ shiftStart: '07:00', vehicle: { name: 'Van 3', capacityOrders: 40, weightKg: 900, volumeM3: null }, zones: ['south'], version: 2, carrierType: 'internal' });
    await expect(saveDriverProfile(store().em, 'nobody', 0, profile, who())).rejects.toThrow(/No driver nobody/);
  });

  it('keeps one last position per driver, overwritten only by a newer fix', async () => {
    await setUp();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    expect(await recordLocation(store().em.fork(), 'd-bo', { lat: 52, lng: 5, at: at(10) })).toBe(true);
    expect(await recordLocation(store().em.fork(), 'd-bo', { lat: 53, lng: 6, at: at(1) })).toBe(true);
    expect(await recordLocation(store().em.fork(), 'd-bo', { lat: 1, lng: 1, at: at(5) })).toBe(false);
    const [bo] = await readDriverProfiles(store().em.fork(), { driverIds: ['d-bo'] });
    expect(bo!.position).toMatchObject({ lat: 53, lng: 6 });
  });

  it('reads cash on hand from the orders: collected minus remitted, in exact cents', async () => {
    for (let i = 0; i < 10; i++) await order({ collected: 0.1 });
    await order({ collected: 20, remitted: 20 });
    await order({ collected: 12.35, remitted: 10 });
    await order({ assignee: 'd-bo', collected: 7 });
    const cash = await cashOnHand(store().em.fork(), ['d-ana', 'd-bo', 'nobody']);
    expect(Object.fromEntries(cash)).toEqual({ 'd-ana': 3.35, 'd-bo': 7, nobody: 0 });
  });

  it('settles stops: a repeat is a no-op, each answer counts the stops left open, and the trip itself does not move', async () => {
    const [a, b] = [await order(), await order()];
    const id = await startedTrip([a, b]);
    expect(await settle(id, a, 'arrived')).toEqual({ outcome: 'settled', openStops: 2 });
    expect(await settle(id, a, 'arrived')).toEqual({ outcome: 'repeat', openStops: 2 });
    await expect(settle(id, a, 'done', 'pending')).rejects.toThrow(/became arrived while you reported/);
    expect(await settle(id, a, 'done', 'arrived')).toEqual({ outcome: 'settled', openStops: 1 });
    expect(await settle(id, b, 'failed')).toEqual({ outcome: 'settled', openStops: 0 });
    expect((await readTrip(store().em.fork(), id))!.state).toBe('in_progress');
    expect(await stepTrip(store().em, id, { action: 'complete', ...who() })).toBe('completed');
    const t = (await readTrip(store().em.fork(), id))!;
    expect(t.timeline.map((e) => e.action)).toEqual(['create', 'dispatch', 'start', 'stop_arrived', 'stop_done', 'stop_failed', 'complete']);
  });

  it('refuses reports on a trip that is not in progress', async () => {
    const a = await order();
    const id = crypto.randomUUID();
    await createTrip(store().em, { id, driverId: 'd-ana', stops: [{ orderId: a, kind: 'dropoff', pinned: false }], ...who() });
    await stepTrip(store().em, id, { action: 'dispatch', ...who() });
    await expect(settle(id, a, 'done')).rejects.toThrow('This trip is dispatched: its stops take no reports. Look at your trips again.');
    await stepTrip(store().em, id, { action: 'cancel', ...who() });
  });

  it('lets exactly one of two reports at the same moment see the last stop settled', async () => {
    for (let round = 0; round < 4; round++) {
      const [a, b] = [await order(), await order()];
      const id = await startedTrip([a, b]);
      const answers = await Promise.all([settle(id, a, 'done'), settle(id, b, 'done')]);
      expect(answers.map((x) => x.openStops).sort()).toEqual([0, 1]);
      await stepTrip(store().em, id, { action: 'complete', ...who() });
    }
  });

  it('shows each driver on the monitor with the current trip, stops done and left, late stops, filtered', async () => {
    const [late, onTime] = [await order({ dueInHours: -1 }), await order()];
    const id = await startedTrip([onTime, late]);
    await settle(id, onTime, 'done');
    const rows = await readDriverMonitor(store().em.fork(), { workAreaId: 'pool-d' }, new Date());
    const ana = rows.find((r) => r.driverId === 'd-ana')!;
    expect(ana.currentTrip?.id).toBe(id);
    expect(ana).toMatchObject({ stopsDone: 1, stopsLeft: 1, lateStops: 1 });
    expect((await readDriverMonitor(store().em.fork(), { availability: 'unavailable' }, new Date())).map((r) => r.driverId)).toEqual(['d-bo']);
  });
});
