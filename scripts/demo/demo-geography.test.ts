import { describe, expect, it } from 'vitest';
import { inPolygon } from '../../domain/geo.ts';
import { STOPS_FOR_KIND } from '../../domain/trips/trip.ts';
import { prng } from '../../test/prng.ts';
import { demoZoneShape } from './demo-geography.ts';
import { DEMO_ZONES, demoOrders } from './demo-operation.ts';

describe('the demo operation’s places', () => {
  const orders = demoOrders(600, prng(7), Date.now());

  it('gives each delivery order the points its stops need, inside its zone, and fulfilment orders none', () => {
    for (const { order } of orders) {
      const stops = STOPS_FOR_KIND[order.kind] ?? [];
      expect(order.pickupLocation !== undefined, `${order.reference} pickup`).toBe(stops.includes('pickup'));
      expect(order.dropoffLocation !== undefined, `${order.reference} drop-off`).toBe(stops.includes('dropoff'));
      const shape = demoZoneShape(order.zone as (typeof DEMO_ZONES)[number]);
      for (const point of [order.pickupLocation, order.dropoffLocation]) if (point) expect(inPolygon(point, shape), order.reference).toBe(true);
    }
  });

  it('keeps an order’s address across runs, and gives every order its own', () => {
    const again = demoOrders(600, prng(7), Date.now());
    expect(again.map((o) => [o.order.pickupLocation, o.order.dropoffLocation])).toEqual(orders.map((o) => [o.order.pickupLocation, o.order.dropoffLocation]));
    const dropoffs = orders.flatMap((o) => (o.order.dropoffLocation ? [JSON.stringify(o.order.dropoffLocation)] : []));
    expect(dropoffs.length).toBeGreaterThan(150);
    expect(new Set(dropoffs).size).toBe(dropoffs.length);
  });

  it('zones do not overlap: a point is in one zone only', () => {
    for (const { order } of orders)
      if (order.dropoffLocation) expect(DEMO_ZONES.filter((z) => inPolygon(order.dropoffLocation!, demoZoneShape(z))).length, order.reference).toBe(1);
  });
});
