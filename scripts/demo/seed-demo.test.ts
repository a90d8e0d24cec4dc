import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderListItem } from '../../domain/order.ts';
import type { Resource } from '../../domain/resource.ts';
import type { WorkArea } from '../../domain/work-area.ts';
import { AuditEntryRecord } from '../../store/audit-entry.entity.ts';
import { demoTestStore, harnessDemoApi } from '../../test/harness-demo-api.ts';
import { createHarness, type Harness } from '../../test/sluice-harness.ts';
import type { DemoApi } from './demo-api.ts';
import { DEMO_ZONES } from './demo-operation.ts';
import { listOrders, seedDemo } from './seed-demo.ts';
import { RandomStreams } from '../../sim/random-streams.ts';

const COUNT = 300;

/**
 * Integration (real Temporal dev server, real store): the demo operation `./sluice start` seeds on a fresh
 * store goes in through the API and leaves orders in every part of the lifecycle, in every kind of area;
 * a second start on that store adds nothing.
 */
describe('the demo operation', () => {
  let h: Harness;
  let api: DemoApi;
  let orders: OrderListItem[];
  let prefix: string;
  beforeAll(async () => {
    h = await createHarness({ worker: true });
    api = harnessDemoApi(h);
    prefix = await demoTestStore(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`seeds ${COUNT} orders across the lifecycle on an empty store`, { timeout: 900_000 }, async () => {
    const began = Date.now();
    expect(await seedDemo(api, { count: COUNT, random: new RandomStreams(20261206, 0).stream('demo-orders'), now: Date.now(), areaPrefix: prefix, maxMs: 840_000 })).toEqual({ seeded: true, orders: COUNT });
    orders = await listOrders(api, 'DEMO-');
    expect(orders).toHaveLength(COUNT);
    const byState = count(orders.map((o) => o.state));
    console.log(`demo seed: ${COUNT} orders in ${Math.round((Date.now() - began) / 1000)} s →`, byState);
    for (const state of ['queued', 'assigned', 'in_progress', 'in_transit', 'attempt_failed', 'closed', 'awaiting_remit', 'on_hold', 'specialist_review', 'escalated', 'cancelled']) {
      expect(byState[state] ?? 0, `orders ${state}`).toBeGreaterThan(0);
    }
    expect(Object.keys(count(orders.map((o) => o.kind))).sort()).toEqual(['delivery', 'on_demand', 'pick', 'pickup', 'pickup_delivery', 'production']);
    const returned = await h.store.em.fork().count(AuditEntryRecord, { subjectType: 'order', subjectId: { $in: orders.map((o) => o.id) }, toState: 'returned' });
    expect(returned).toBeGreaterThan(0);
    // Production work in progress has moved on along its routing: a step done, the next arrived at its area.
    expect(await h.store.em.fork().count(AuditEntryRecord, { subjectId: { $in: orders.map((o) => o.id) }, action: 'OPERATION_COMPLETED' })).toBeGreaterThan(0);
    // Work stays in process in every kind of area, and delivery work is with a named driver.
    const busy = new Set(orders.filter((o) => ['assigned', 'in_progress', 'picked_up', 'in_transit', 'attempt_failed'].includes(o.state)).map((o) => o.workAreaId));
    console.log('demo seed: work in process at', [...busy].sort());
    for (const areas of [['line-1', 'line-2'], ['pick-b', 'pick-c'], ['pack-1', 'pack-2'], ['drivers-north', 'drivers-south', 'drivers-central']]) {
      expect(areas.some((id) => busy.has(prefix + id)), `work in process at one of ${areas.join(', ')}`).toBe(true);
    }
    expect(orders.filter((o) => o.state === 'in_transit').every((o) => o.assignee?.startsWith('driver-'))).toBe(true);
  });

  it('has several areas of each kind, and drivers in every zone', async () => {
    const { workAreas } = (await (await api('dispatcher', '/work-areas')).json()) as { workAreas: WorkArea[] };
    const kinds = count(workAreas.map((a) => a.kind));
    for (const kind of ['production_line', 'pick_zone', 'pack_station', 'driver_pool']) expect(kinds[kind], kind).toBeGreaterThanOrEqual(2);
    expect(workAreas.filter((a) => a.capacity.workloadNormHours !== null).length).toBeGreaterThanOrEqual(2);
    for (const zone of DEMO_ZONES) {
      const { resources } = (await (await api('dispatcher', `/work-areas/${prefix}drivers-${zone}/resources`)).json()) as { resources: Resource[] };
      expect(resources.filter((r) => r.kind === 'driver').length, `drivers in ${zone}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('adds nothing when started again on a store with data', async () => {
    expect(await seedDemo(api, { count: COUNT, random: new RandomStreams(1, 0).stream('demo-orders'), now: Date.now(), areaPrefix: prefix })).toEqual({ seeded: false, orders: 0 });
    expect(await listOrders(api, '')).toHaveLength(orders.length);
  });
});

const count = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
