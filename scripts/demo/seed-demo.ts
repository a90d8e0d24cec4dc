import type { OrderListItem, OrderState } from '../../domain/order.ts';
import type { OrderBatchItem } from '../../domain/order-batch.ts';
import type { DemoApi } from './demo-api.ts';
import { demoOrders, demoResources, demoWorkAreas, type AreaPrefix, type DemoIntent } from './demo-operation.ts';
import { DEMO_DEPOT, DEMO_WAREHOUSE, DEMO_ZONE_COLOURS, demoZoneShape } from './demo-geography.ts';
import { nextDemoStep } from './demo-steps.ts';

export type SeedOptions = {
  count: number;
  random: () => number;
  now: number;
  areaPrefix?: AreaPrefix;
  log?: (line: string) => void;
  /** Stops driving the orders (Ctrl-C during the seeding). */
  signal?: AbortSignal;
  /** How long the orders may take to settle before the seeder stops driving them. */
  maxMs?: number;
  pollMs?: number;
};

/** States the system moves an order out of by itself: the seeder waits for them to settle. */
const MOVING: ReadonlySet<OrderState> = new Set(['captured', 'validating', 'released', 'completed', 'delivered', 'returned']);
/**
 * The road each released delivery takes, dealt in the order the driver pools release them rather than
 * drawn with the order: which orders fill the pools first depends on how the intake's workflows
 * interleave, and a pool full of drawn intents that keep their orders (in transit, a failed attempt)
 * showed no return at all on a busy machine. Dealt, the first ten released go every way, a return among them.
 */
const DELIVERY_ROADS: readonly DemoIntent[] = ['deliver', 'transit', 'return', 'remit', 'fail', 'deliver', 'pick_up', 'transit', 'deliver', 'remit'];
const ROAD_INTENTS: ReadonlySet<DemoIntent> = new Set(DELIVERY_ROADS);

/** Quiet polls in a row after which the operation counts as settled (the areas full, every intent carried out). */
const SETTLED_AFTER = 6;

/** Whether the store has no orders: the demo never seeds into a store with data. */
export async function storeIsEmpty(api: DemoApi): Promise<boolean> {
  const res = await api('dispatcher', '/orders?limit=1');
  if (!res.ok) throw new Error(`could not list the orders: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { total: number }).total === 0;
}

/** Every demo order, a page of 500 at a time. */
export async function listOrders(api: DemoApi, q: string): Promise<OrderListItem[]> {
  const orders: OrderListItem[] = [];
  for (let offset = 0; ; offset += 500) {
    const res = await api('dispatcher', `/orders?q=${encodeURIComponent(q)}&limit=500&offset=${offset}`);
    if (!res.ok) throw new Error(`could not list the orders: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { orders: OrderListItem[]; total: number };
    orders.push(...page.orders);
    if (page.orders.length === 0 || orders.length >= page.total) return orders;
  }
}

/**
 * The demo operation, through the API: the areas and drivers, then the orders in one batch, then people's
 * actions on each order as its area releases it until every order is where its intent leaves it. Areas
 * fill up with work that stays in process, so the rest of each pool waits. Nothing on a store with orders.
 */
export async function seedDemo(api: DemoApi, options: SeedOptions): Promise<{ seeded: boolean; orders: number }> {
  const { log = () => {}, maxMs = 600_000, pollMs = 500 } = options;
  if (!(await storeIsEmpty(api))) return { seeded: false, orders: 0 };
  await createDemoSetting(api, options.areaPrefix);
  const planned = demoOrders(options.count, options.random, options.now, options.areaPrefix);
  const batch: OrderBatchItem[] = planned.map(({ key, order }) => ({ idempotencyKey: key, order }));
  await expectCreated(await api('dispatcher', '/orders/batch', { method: 'POST', body: { orders: batch } }), 'the demo orders');

  const intents = new Map<string, DemoIntent>(planned.map((p) => [p.order.reference!, p.intent]));
  const dueOf = new Map(planned.map((p) => [p.order.reference!, p.order.lines.reduce((sum, l) => sum + l.qty * l.price, 0)]));
  const deadline = Date.now() + maxMs;
  const dealt = new Set<string>();
  let quiet = 0;
  let last = '';
  while (quiet < SETTLED_AFTER && Date.now() < deadline && !options.signal?.aborted) {
    const orders = await listOrders(api, 'DEMO-');
    for (const o of orders) {
      const intent = intents.get(o.reference!);
      if (o.state !== 'assigned' || !intent || !ROAD_INTENTS.has(intent) || dealt.has(o.reference!)) continue;
      intents.set(o.reference!, DELIVERY_ROADS[dealt.size % DELIVERY_ROADS.length]!);
      dealt.add(o.reference!);
    }
    const steps = orders.flatMap((o) => {
      const step = nextDemoStep(o, intents.get(o.reference!) ?? 'wait', dueOf.get(o.reference!) ?? 0);
      return step ? [{ order: o, step }] : [];
    });
    await Promise.all(
      steps.map(async ({ order, step }) => {
        const [path, body, what] =
          'operation' in step ? [`/orders/${order.id}/operations/${step.operation}/complete`, undefined, `step ${step.operation}`] : [`/orders/${order.id}/actions`, step.request, step.request.action];
        const res = await api(step.role, path, { method: 'POST', body });
        // A 409 is a race with the system (the order moved on meanwhile): the next poll sees where it is.
        if (res.ok) intents.set(order.reference!, step.then);
        else if (res.status !== 409) log(`demo: ${what} on ${order.reference} was refused: ${res.status} ${await res.text()}`);
      }),
    );
    const states = orders.map((o) => o.state).join();
    quiet = steps.length === 0 && states === last && !orders.some((o) => MOVING.has(o.state)) ? quiet + 1 : 0;
    last = states;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return { seeded: true, orders: planned.length };
}

/** The demo's work areas and drivers; those that exist already are left as they are. */
export async function createDemoSetting(api: DemoApi, prefix: AreaPrefix = ''): Promise<void> {
  for (const area of demoWorkAreas(prefix)) await expectCreated(await api('ops_manager', '/work-areas', { method: 'POST', body: area }), `work area ${area.id}`);
  for (const { workAreaId, resource } of demoResources(prefix)) await expectCreated(await api('ops_manager', `/work-areas/${workAreaId}/resources`, { method: 'POST', body: resource }), `driver ${resource.id}`);
  // The map's zones and the depot trips are planned from: set again on a restart, which changes nothing.
  for (const [zone, colour] of DEMO_ZONE_COLOURS) await expectCreated(await api('ops_manager', `/zones/${zone}`, { method: 'PUT', body: { polygon: demoZoneShape(zone), colour } }), `zone ${zone}`);
  await expectCreated(await api('ops_manager', `/warehouses/${DEMO_WAREHOUSE}`, { method: 'PUT', body: { location: DEMO_DEPOT } }), `warehouse ${DEMO_WAREHOUSE}`);
}

async function expectCreated(res: Response, what: string): Promise<void> {
  // 409: made by an earlier start that stopped before it had seeded any order.
  if (!res.ok && res.status !== 409) throw new Error(`${what} was refused: ${res.status} ${await res.text()}`);
}
