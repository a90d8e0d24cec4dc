import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/prng.ts';
import { DEFAULT_ARRIVAL_CURVE as curve } from './arrival-curve.ts';
import { lastMileOrders } from './last-mile-orders.ts';
import { lastMileParams, zonesOf } from './last-mile-params.ts';

/** One stream per purpose, each seeded from the purpose's name and the seed. */
const streams = (seed: number) => (purpose: string) => prng(seed * 31 + [...purpose].reduce((h, c) => h * 33 + c.charCodeAt(0), 5381));

describe('a last-mile day’s zones and orders', () => {
  it.each([
    { params: {}, zones: 4, wip: (d: number) => d * 3 },
    { params: { zones: 1, driversPerZone: 7, ordersPerDriver: 2 }, zones: 1, wip: () => 14 },
    { params: { zones: 6, ordersPerDriver: 1 }, zones: 6, wip: (d: number) => d },
  ])('$params: $zones zones, WIP limit = drivers × orders a driver carries', ({ params, zones: count, wip }) => {
    const zones = zonesOf(lastMileParams.parse(params), curve);
    expect(zones).toHaveLength(count);
    expect(zones.reduce((s, z) => s + z.share, 0)).toBeCloseTo(1, 12);
    for (const z of zones) expect(z.wipLimit).toBe(wip(z.drivers));
    // Further zones: a longer drive and fewer orders.
    for (let i = 1; i < zones.length; i++) {
      expect(zones[i]!.travelHours).toBeGreaterThan(zones[i - 1]!.travelHours);
      expect(zones[i]!.share).toBeLessThan(zones[i - 1]!.share);
    }
  });

  it('sizes each pool for its busiest hour unless told how many drivers it has', () => {
    const small = zonesOf(lastMileParams.parse({ orders: 1_000 }), curve);
    const large = zonesOf(lastMileParams.parse({ orders: 50_000 }), curve);
    expect(large[0]!.drivers).toBeGreaterThan(30 * small[0]!.drivers);
  });

  it.each([
    { field: 'orders', value: 0 },
    { field: 'orders', value: 1.5 },
    { field: 'failureRate', value: 1 },
    { field: 'zones', value: 21 },
    { field: 'codShare', value: -0.1 },
    { field: 'colour', value: 'red' },
  ])('refuses $field = $value', ({ field, value }) => {
    expect(lastMileParams.safeParse({ [field]: value }).success).toBe(false);
  });

  it('draws the orders from their streams: on-demand due within the promise, scheduled in a window on the hour', () => {
    const p = lastMileParams.parse({ orders: 2_000 });
    const zones = zonesOf(p, curve);
    const orders = lastMileOrders(p, zones, curve, streams(1));
    expect(orders).toEqual(lastMileOrders(p, zones, curve, streams(1)));
    expect(orders).not.toEqual(lastMileOrders(p, zones, curve, streams(2)));
    for (const o of orders) {
      if (o.kind === 'on_demand') {
        expect(o.windowStart).toBeNull();
        expect(o.due).toBeCloseTo(o.arrival + p.onDemandPromiseHours, 9);
      } else {
        expect(Number.isInteger(o.windowStart)).toBe(true);
        expect(o.windowStart! - o.arrival).toBeGreaterThanOrEqual(1);
        expect(o.windowStart! - o.arrival).toBeLessThanOrEqual(4 + 1e-9);
        expect(o.due).toBe(o.windowStart! + p.windowHours);
      }
    }
    const share = (pred: (o: (typeof orders)[number]) => boolean) => orders.filter(pred).length / orders.length;
    expect(share((o) => o.kind === 'on_demand')).toBeCloseTo(p.onDemandShare, 1);
    expect(share((o) => o.paymentMode === 'cod')).toBeCloseTo(p.codShare, 1);
    expect(share((o) => o.zone === 0)).toBeCloseTo(zones[0]!.share, 1);
  });
});
