import { describe, expect, it } from 'vitest';
import type { GeoPoint } from '../geo.ts';
import type { OrderKind } from '../order.ts';
import { planTrips } from './plan-trips.ts';
import type { PlanningDriver, PlanningOrder } from './planning-order.ts';
import { AVERAGE_SPEED_KMH, ROAD_FACTOR, SERVICE_MINUTES } from './road-travel.ts';

const now = new Date();
const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000);
const depot: GeoPoint = { lat: 52.37, lng: 4.89 };
/** A place `km` north (or south, negative) of the depot: a degree of latitude is 111.195 km on the haversine's sphere. */
const north = (km: number): GeoPoint => ({ lat: depot.lat + km / 111.195, lng: depot.lng });
const order = (id: string, extra: Partial<PlanningOrder> = {}): PlanningOrder => ({
  id, reference: `REF-${id}`, kind: 'delivery', state: 'released', assignee: null, dueAt: inMinutes(240), warehouse: 'W1', pickupLocation: null, dropoffLocation: north(2), ...extra,
});
const driver = (id: string, extra: Partial<PlanningDriver> = {}): PlanningDriver => ({ id, name: `Driver ${id}`, capacity: 10, shiftEnd: inMinutes(480), ahead: [], ...extra });
const plan = (orders: PlanningOrder[], drivers: PlanningDriver[]) => planTrips({ zone: 'north', warehouse: 'W1', depot, now, orders, drivers }, { timeLimitMs: 2_000 });

describe('planning trips from a depot\'s orders and drivers', () => {
  it.each<{ name: string; orders: PlanningOrder[]; drivers: PlanningDriver[]; unplanned: Record<string, string>; message?: RegExp }>([
    { name: 'an order without a location', orders: [order('a', { dropoffLocation: null })], drivers: [driver('d1')], unplanned: { a: 'no_location' }, message: /no drop-off location/ },
    { name: 'a pickup & delivery without its pickup location', orders: [order('a', { kind: 'pickup_delivery' })], drivers: [driver('d1')], unplanned: { a: 'no_location' }, message: /no pickup and drop-off location/ },
    { name: 'an order of another warehouse', orders: [order('a', { warehouse: 'W2' })], drivers: [driver('d1')], unplanned: { a: 'other_warehouse' }, message: /leaves from warehouse W2, not W1/ },
    { name: 'an order too far for any shift', orders: [order('a', { dropoffLocation: north(200) })], drivers: [driver('d1')], unplanned: { a: 'out_of_reach' }, message: /260 km by road from W1/ },
    { name: 'an order near, but the only shift ends in 20 minutes', orders: [order('a', { dropoffLocation: north(10) })], drivers: [driver('d1', { shiftEnd: inMinutes(20) })], unplanned: { a: 'out_of_reach' } },
    { name: 'no driver', orders: [order('a')], drivers: [], unplanned: { a: 'no_driver' }, message: /no driver to plan it on/ },
    { name: 'more orders than the only vehicle holds', orders: [order('a'), order('b', { dropoffLocation: north(3) }), order('c', { dropoffLocation: north(4) })], drivers: [driver('d1', { capacity: 2 })], unplanned: { c: 'capacity' }, message: /capacity counts orders/ },
    {
      name: 'two orders due soon in opposite directions, one driver',
      orders: [order('n', { dropoffLocation: north(5), dueAt: inMinutes(20) }), order('s', { dropoffLocation: north(-5), dueAt: inMinutes(20) })],
      drivers: [driver('d1')],
      unplanned: { s: 'no_vehicle_left' },
    },
    { name: 'everything planned', orders: [order('a'), order('b', { kind: 'pickup_delivery', pickupLocation: north(1), dropoffLocation: north(3) })], drivers: [driver('d1'), driver('d2')], unplanned: {} },
  ])('$name', ({ orders, drivers, unplanned, message }) => {
    const proposal = plan(orders, drivers);
    const left = Object.fromEntries(proposal.unplanned.map((u) => [u.orderId, u.reason]));
    // Of two orders that cannot both be served, either may be the one left: only how many and why matter.
    expect(Object.values(left).sort()).toEqual(Object.values(unplanned).sort());
    if (message) expect(proposal.unplanned[0]!.message).toMatch(message);
    const planned = proposal.trips.flatMap((t) => t.stops.map((s) => s.orderId));
    expect(new Set([...planned, ...Object.keys(left)])).toEqual(new Set(orders.map((o) => o.id)));
    expect(proposal.basis.map((b) => b.orderId).sort()).toEqual([...new Set(planned)].sort());
  });

  it('times a single delivery by road distance and average speed, and sums the totals', () => {
    const proposal = plan([order('a', { dropoffLocation: north(3) })], [driver('d1')]);
    const oneWayKm = 3 * ROAD_FACTOR;
    const oneWayMinutes = (oneWayKm / AVERAGE_SPEED_KMH) * 60;
    const [trip] = proposal.trips;
    expect(trip).toMatchObject({ driverId: 'd1', driverName: 'Driver d1', distanceKm: Math.round(oneWayKm * 2 * 10) / 10, durationMinutes: Math.round(oneWayMinutes * 2 + SERVICE_MINUTES) });
    expect(new Date(trip!.stops[0]!.arrivalAt).getTime() - now.getTime()).toBeCloseTo(oneWayMinutes * 60_000, -3);
    expect(proposal.totals).toEqual({ trips: 1, orders: 1, distanceKm: trip!.distanceKm, durationMinutes: trip!.durationMinutes });
  });

  it('puts a pickup before its drop-off on one trip', () => {
    const proposal = plan([order('p', { kind: 'pickup_delivery', pickupLocation: north(-2), dropoffLocation: north(4) })], [driver('d1'), driver('d2')]);
    expect(proposal.trips).toHaveLength(1);
    expect(proposal.trips[0]!.stops.map((s) => `${s.kind}:${s.orderId}`)).toEqual(['pickup:p', 'dropoff:p']);
  });

  it('plans an order already past due as soon as it fits, and shows it late', () => {
    const proposal = plan([order('late', { dueAt: inMinutes(-60) }), order('fine')], [driver('d1')]);
    const stops = proposal.trips.flatMap((t) => t.stops);
    expect(stops.find((s) => s.orderId === 'late')?.late).toBe(true);
    expect(stops.find((s) => s.orderId === 'fine')?.late).toBe(false);
  });

  it('keeps a driver\'s capacity in orders as assignment counts them: a pickup & delivery takes one place however many stops it has, from the trip\'s start', () => {
    const kinds: OrderKind[] = ['pickup_delivery', 'pickup_delivery'];
    const orders = kinds.map((kind, i) => order(`o${i}`, { kind, pickupLocation: north(1 + i), dropoffLocation: north(-1 - i) }));
    const proposal = plan(orders, [driver('d1', { capacity: 1 })]);
    // The van would carry one at a time, but committing assigns both to the driver at once, which the
    // assignment rules refuse past the capacity: the second waits for another driver or a later plan.
    expect(proposal.trips[0]!.stops.map((s) => s.kind)).toEqual(['pickup', 'dropoff']);
    expect(proposal.unplanned).toEqual([expect.objectContaining({ reason: 'capacity', message: expect.stringContaining('capacity counts orders') })]);
    expect(proposal.totals.orders).toBe(1);
  });

  it('fills each driver to their capacity in orders before leaving one out for room, pairs and deliveries alike', () => {
    const orders = [
      ...[0, 1, 2].map((i) => order(`pd${i}`, { kind: 'pickup_delivery', pickupLocation: north(1 + i), dropoffLocation: north(-1 - i) })),
      ...[0, 1, 2].map((i) => order(`d${i}`, { dropoffLocation: north(2 + i) })),
    ];
    const proposal = plan(orders, [driver('d1', { capacity: 2 }), driver('d2', { capacity: 2 })]);
    for (const trip of proposal.trips) expect(new Set(trip.stops.map((s) => s.orderId)).size).toBeLessThanOrEqual(2);
    expect(proposal.totals.orders).toBe(4);
    expect(proposal.unplanned).toHaveLength(2);
    for (const u of proposal.unplanned) expect(u.reason).toBe('capacity');
  });

  it("plans after the stops a driver still has on live trips: new stops come later, and those orders take their places", () => {
    const ahead = [
      { orderId: 'x', kind: 'pickup' as const, at: north(-10) },
      { orderId: 'x', kind: 'dropoff' as const, at: north(-12) },
      { orderId: 'y', kind: 'dropoff' as const, at: north(-14) },
      { orderId: 'z', kind: 'dropoff' as const, at: null },
    ];
    const busy = plan([order('a'), order('b', { dropoffLocation: north(3) })], [driver('d1', { capacity: 4, ahead })]);
    const idle = plan([order('a'), order('b', { dropoffLocation: north(3) })], [driver('d1', { capacity: 4 })]);
    // Three orders ahead (one without a location still takes its place) leave room for one of the two.
    expect(busy.trips).toHaveLength(1);
    expect(busy.trips[0]).toMatchObject({ stopsAhead: 3 });
    expect(busy.trips[0]!.stops).toHaveLength(1);
    expect(busy.trips[0]!.stops.map((s) => s.orderId)).not.toContain('x');
    expect(busy.unplanned).toEqual([expect.objectContaining({ reason: 'capacity' })]);
    // The stop it plans is reached only after the run south and back: later than with nothing ahead.
    const first = (p: typeof busy, id: string) => Date.parse(p.trips[0]!.stops.find((s) => s.orderId === id)!.arrivalAt);
    const planned = busy.trips[0]!.stops[0]!.orderId;
    expect(first(busy, planned)).toBeGreaterThan(first(idle, planned) + 20 * 60_000);
    expect(idle.trips[0]!.stopsAhead).toBe(0);
  });

  it('proposes no trip for a driver whose live trips leave no room', () => {
    const ahead = [{ orderId: 'x', kind: 'dropoff' as const, at: north(1) }];
    const proposal = plan([order('a')], [driver('d1', { capacity: 1, ahead })]);
    expect(proposal.trips).toEqual([]);
    expect(proposal.unplanned).toEqual([expect.objectContaining({ orderId: 'a', reason: 'capacity' })]);
  });
});
