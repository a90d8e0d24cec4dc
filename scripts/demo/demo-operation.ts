import type { z } from 'zod';
import type { NewOrder, OrderKind, RoutingStep } from '../../domain/order.ts';
import type { newResource } from '../../domain/resource.ts';
import { CONTINUOUS, type WorkArea } from '../../domain/work-area.ts';
import { demoStops } from './demo-geography.ts';

/**
 * The operation `./sluice start` shows on a fresh store: production lines feeding a paint shop and a
 * test bench that have workload norms, pick zones and pack stations, and a driver pool per delivery zone
 * with its drivers. Its orders are spread over every kind, zone and payment mode, with due times from
 * six hours overdue to three days ahead; what happens to each once it is released is its intent.
 */
export const DEMO_ZONES = ['north', 'south', 'central'] as const;

/** What the seeder does with an order once its area releases it (see demo-steps.ts). */
export type DemoIntent = 'wait' | 'work' | 'finish' | 'escalate' | 'cancel' | 'pick_up' | 'transit' | 'deliver' | 'remit' | 'fail' | 'return';

export type DemoOrder = { key: string; order: NewOrder; intent: DemoIntent };

/**
 * Put before every demo area's id. Empty for `./sluice start`; tests give each store its own, as an area's
 * controller workflow is named by the area's id and tests share one Temporal namespace.
 */
export type AreaPrefix = string;

const area = (id: string, name: string, kind: WorkArea['kind'], wipLimit: number, more: Partial<WorkArea> & { normHours?: number } = {}): WorkArea => {
  const { normHours, ...rest } = more;
  return {
    id, name, kind, zone: null, warehouse: null, timeZone: 'UTC', status: 'open',
    capacity: { unit: 'orders', wipLimit, workloadNormHours: normHours ?? null, loadCorrection: 'position', starvationRelease: false },
    shiftCalendar: null, plannedLeadTimeHours: 0, releasePeriod: CONTINUOUS, ...rest,
  };
};

/** Areas beside the default one (pick-a, which takes one order at a time). */
export function demoWorkAreas(prefix: AreaPrefix = ''): WorkArea[] {
  return [
    area('line-1', 'Assembly line 1', 'production_line', 4, { plannedLeadTimeHours: 8 }),
    area('line-2', 'Assembly line 2', 'production_line', 4, { plannedLeadTimeHours: 8 }),
    area('paint-shop', 'Paint shop', 'production_line', 50, { normHours: 10 }),
    area('test-bench', 'Test bench', 'production_line', 50, { normHours: 8 }),
    area('pick-b', 'Pick zone B', 'pick_zone', 10, { zone: 'north' }),
    area('pick-c', 'Pick zone C', 'pick_zone', 10, { zone: 'south' }),
    area('pack-1', 'Pack station 1', 'pack_station', 5),
    area('pack-2', 'Pack station 2', 'pack_station', 5),
    ...DEMO_ZONES.map((zone) => area(`drivers-${zone}`, `Drivers, ${zone}`, 'driver_pool', 8, { zone })),
  ].map((a) => ({ ...a, id: prefix + a.id }));
}

const DRIVER_NAMES: Record<(typeof DEMO_ZONES)[number], string[]> = {
  north: ['Ana', 'Bram', 'Chen', 'Dara'],
  south: ['Emil', 'Farah', 'Goran', 'Hana'],
  central: ['Ivo', 'Jade', 'Kofi', 'Lena'],
};

/** Each driver pool's drivers: internal drivers holding three orders at a time, and one from a prime carrier. */
export function demoResources(prefix: AreaPrefix = ''): { workAreaId: string; resource: z.input<typeof newResource> }[] {
  return DEMO_ZONES.flatMap((zone) =>
    DRIVER_NAMES[zone].map((name, i) => ({
      workAreaId: `${prefix}drivers-${zone}`,
      resource: { id: `driver-${name.toLowerCase()}`, name, kind: 'driver' as const, zone, capacity: 3, carrierType: i === 3 ? ('prime' as const) : ('internal' as const), skills: i === 0 ? ['cold_chain'] : [] },
    })),
  );
}

const ACCOUNTS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Adatum', 'Proseware', 'Woodgrove'];
const SKUS: [string, number][] = [['BOLT-M6', 0.4], ['PUMP-2', 840], ['VALVE-9', 65], ['CRATE-L', 150], ['CHAIR-2', 60], ['RACK-8', 900], ['SHELF-2', 45], ['PALLET-1', 25], ['LAMP-4', 35], ['DESK-1', 320]];
const KINDS: [OrderKind, number][] = [['pick', 0.3], ['production', 0.2], ['delivery', 0.2], ['on_demand', 0.08], ['pickup', 0.08], ['pickup_delivery', 0.14]];
const FULFILMENT_INTENTS: [DemoIntent, number][] = [['wait', 0.2], ['work', 0.25], ['finish', 0.4], ['escalate', 0.08], ['cancel', 0.07]];
const DELIVERY_INTENTS: [DemoIntent, number][] = [['wait', 0.1], ['pick_up', 0.1], ['transit', 0.15], ['deliver', 0.25], ['remit', 0.12], ['fail', 0.1], ['return', 0.1], ['escalate', 0.05], ['cancel', 0.03]];

const pick = <T>(random: () => number, weighted: [T, number][]): T => {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted.at(-1)![0];
};
const oneOf = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/** A production order's routing: its line, then the paint shop and the test bench, either or both. */
function routingOf(random: () => number, line: string, prefix: AreaPrefix): RoutingStep[] {
  const hours = (max: number) => Math.round((0.5 + random() * max) * 2) / 2;
  const steps: RoutingStep[] = [{ workAreaId: line, hours: hours(2) }];
  const r = random();
  if (r < 0.8) steps.push({ workAreaId: `${prefix}paint-shop`, hours: hours(3) });
  if (r > 0.4) steps.push({ workAreaId: `${prefix}test-bench`, hours: hours(2) });
  return steps;
}

/** `count` orders, the same for the same `random` sequence and `now`. A few are held at intake or go to a specialist. */
export function demoOrders(count: number, random: () => number, now: number, prefix: AreaPrefix = ''): DemoOrder[] {
  return Array.from({ length: count }, (_, i) => demoOrder(`DEMO-${1001 + i}`, random, now, 3_600_000, prefix));
}

/**
 * One order as the demo's customers send them. `hourMs` is how long an hour of its due time lasts: less than
 * an hour when the live demo runs the operation faster than the clock.
 */
export function demoOrder(reference: string, random: () => number, now: number, hourMs: number, prefix: AreaPrefix): DemoOrder {
  const kind = pick(random, KINDS);
  const delivery = kind !== 'pick' && kind !== 'production';
  const zone = oneOf(random, DEMO_ZONES);
  const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const [sku, price] = oneOf(random, SKUS);
    return { sku, qty: 1 + Math.floor(random() * (price < 10 ? 200 : 6)), price };
  });
  const special = random();
  const order: NewOrder = {
    reference,
    account: oneOf(random, ACCOUNTS),
    kind,
    statedPriority: pick(random, [['low', 0.2], ['normal', 0.5], ['high', 0.2], ['urgent', 0.1]]),
    dueAt: new Date(now + (-6 + random() * 78) * hourMs).toISOString(),
    zone,
    ...demoStops(kind, zone, reference),
    paymentMode: delivery && random() < 0.4 ? 'cod' : random() < 0.2 ? 'credit_terms' : 'prepaid',
    lines,
  };
  if (kind === 'production') {
    order.workAreaId = `${prefix}line-${random() < 0.5 ? 1 : 2}`;
    order.routing = routingOf(random, order.workAreaId, prefix);
  } else if (kind === 'pick' && random() < 0.3) order.workAreaId = `${prefix}pack-${random() < 0.5 ? 1 : 2}`;
  if (delivery) order.checks = { addressVerified: true };
  // About one in twenty-five is held at intake for credit, one in fifty for its address, one in thirty goes to a specialist.
  if (special < 0.04) Object.assign(order, { paymentMode: 'credit_terms', checks: { creditBalance: 12_500, creditLimit: 10_000 } });
  else if (special < 0.06 && delivery) order.checks = { addressVerified: false };
  else if (special < 0.09) order.accountTier = 'major';
  return { key: reference.toLowerCase(), order, intent: pick(random, delivery ? DELIVERY_INTENTS : FULFILMENT_INTENTS) };
}
