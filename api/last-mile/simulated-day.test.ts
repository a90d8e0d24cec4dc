import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriverProfile } from '../../domain/drivers/driver-profile.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { OrderRecord } from '../../store/order.entity.ts';
import { TripRecord, TripStopRecord } from '../../store/trips/trip.entity.ts';
import { simulateDay, type SimulatedDay } from '../../test/last-mile-day.ts';
import { replayLastMile, type LastMileReplay } from '../../test/last-mile-replay.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';

/**
 * The simulated last-mile day through the real stack. SIMDAY_DRIVERS and SIMDAY_ORDERS_PER_DRIVER size
 * it (the bench runs the 40 drivers × 50 orders); SIMDAY_SEED repeats a day whose check failed.
 */
const size = {
  drivers: Number(process.env.SIMDAY_DRIVERS ?? 8),
  ordersPerDriver: Number(process.env.SIMDAY_ORDERS_PER_DRIVER ?? 50),
  seed: Number(process.env.SIMDAY_SEED ?? 20_261),
};

describe(`a simulated last-mile day (${size.drivers} drivers, ${size.drivers * size.ordersPerDriver} orders, seed ${size.seed})`, () => {
  let h: Harness;
  let day: SimulatedDay;
  let replay: LastMileReplay;

  beforeAll(async () => {
    h = await createHarness({ worker: true });
    const started = performance.now();
    day = await simulateDay(h, size);
    const elapsed = (performance.now() - started) / 1_000;
    const orders = day.orders.size;
    console.log(
      `last-mile day: ${size.drivers} drivers, ${orders} orders, ${day.trips.length} trips, ${day.reports} driver reports (${day.resends} resent), ${day.failed.size} failed; ` +
        `${elapsed.toFixed(1)} s in all (setup ${day.seconds.setup.toFixed(1)} s, intake to assigned ${day.seconds.intake.toFixed(1)} s, planning and dispatch ${day.seconds.planning.toFixed(1)} s, driving ${day.seconds.driving.toFixed(1)} s); ` +
        `${(orders / elapsed).toFixed(1)} orders/s over the day, ${(orders / day.seconds.intake).toFixed(1)} orders/s to assigned, ${(day.reports / day.seconds.driving).toFixed(1)} reports/s`,
    );
    const em = h.store.em.fork();
    const ids = [...day.orders.keys()];
    const log = await em.find(AuditEntryRecord, { $or: [{ subjectType: 'order', subjectId: { $in: ids } }, { subjectType: 'trip', subjectId: { $in: day.trips } }] }, { orderBy: { seq: 'asc' } });
    replay = replayLastMile(log, (id) => day.orders.get(id)!.kind);
  }, 1_800_000);
  afterAll(async () => {
    await h?.close();
  });

  it('plans every order on exactly one trip, and no order was acted on twice', () => {
    const planned = [...replay.trips.values()].flatMap((t) => [...t.stops.keys()].map((s) => s.slice(s.indexOf(':') + 1)));
    expect(new Set(planned).size).toBe(day.orders.size);
    expect(replay.actedTwice).toEqual([]);
  });

  it("agrees with the audit log on every order's state and last-mile status, and with what the drivers did", async () => {
    const rows = await h.store.em.fork().find(OrderRecord, { id: { $in: [...day.orders.keys()] } });
    expect(rows).toHaveLength(day.orders.size);
    const wrong: string[] = [];
    for (const row of rows) {
      const replayed = replay.orders.get(row.id);
      if (replayed?.state !== row.state || replayed.lastMileStatus !== row.lastMileStatus) wrong.push(`${row.id}: store ${row.state}/${row.lastMileStatus}, log ${replayed?.state}/${replayed?.lastMileStatus}`);
      const failed = day.failed.has(row.id);
      const expected = failed ? ['In Transit', 'Picked Up', 'Assigned'] : ['Delivered'];
      if (!expected.includes(row.lastMileStatus ?? '')) wrong.push(`${row.id}: ${failed ? 'failed' : 'delivered'} by its driver but ${row.lastMileStatus}`);
    }
    expect(wrong).toEqual([]);
  });

  it("agrees with the audit log on every trip's state and stops: all completed", async () => {
    const em = h.store.em.fork();
    const trips = await em.find(TripRecord, { id: { $in: day.trips } });
    const stops = await em.find(TripStopRecord, { tripId: { $in: day.trips } });
    expect(trips.map((t) => [t.id, t.state, t.driverId])).toEqual(trips.map((t) => [t.id, replay.trips.get(t.id)?.state, replay.trips.get(t.id)?.driverId]));
    expect(new Set(trips.map((t) => t.state))).toEqual(new Set(['completed']));
    const stored = stops.map((s) => `${s.tripId} ${s.kind}:${s.orderId} ${s.status}`).sort();
    const replayed = [...replay.trips].flatMap(([id, t]) => [...t.stops].map(([stop, status]) => `${id} ${stop} ${status}`)).sort();
    expect(stored).toEqual(replayed);
    expect(stops.filter((s) => s.status === 'failed').map((s) => s.orderId).sort()).toEqual(
      stops.filter((s) => day.failed.has(s.orderId) && (s.kind === 'dropoff' || s.status === 'failed')).map((s) => s.orderId).sort(),
    );
  });

  it("agrees with the audit log on every driver's cash on hand, to the cent", async () => {
    const wrong: string[] = [];
    for (const driver of day.drivers) {
      const profile = (await (await h.request(`/drivers/${driver}`)).json()) as DriverProfile;
      const cents = Math.round(profile.cashOnHand * 100);
      const logged = replay.cashCents.get(driver) ?? 0;
      if (cents !== logged || logged !== day.cashCents.get(driver)) wrong.push(`${driver}: profile ${cents}, log ${logged}, handed over ${day.cashCents.get(driver)}`);
    }
    expect(wrong).toEqual([]);
  });
});
