import { compileRuleset } from '../../../rules/compile-ruleset.ts';
import { DEFAULT_RULESETS } from '../../../rules/defaults/index.ts';
import type { CycleArea, PoolOrder } from '../../../rules/release-cycle.ts';
import { remitFacts, returnFacts } from '../../../rules/return-remit-facts.ts';
import type { OrderMachineEvent } from '../../../workflows/machines/order-events.ts';
import { EventQueue } from '../../event-queue.ts';
import { DEFAULT_ARRIVAL_CURVE } from './arrival-curve.ts';
import { DeliveryLifecycle, type LifecycleStep } from './delivery-lifecycle.ts';
import { LOAD_HOURS, SERVICE_HOURS, zonesOf, type LastMileParams } from './last-mile-params.ts';
import { lastMileOrders, type LastMileOrder, type Streams } from './last-mile-orders.ts';
import type { SeriesPoint } from '../../kpis.ts';
import { SIM_EPOCH } from '../../virtual-clock.ts';
import { plannerFor } from '../plan-cycle.ts';
import type { ReplicationInput, ReplicationOutput } from '../scenario.ts';

/** Minutes between two release cycles of a pool whose orders wait, as the live controller's tick. */
const TICK_HOURS = 1 / 60;

type Sim = LastMileOrder & {
  step: LifecycleStep;
  pool: PoolOrder;
  released: number | null;
  delivered: number | null;
  closed: boolean;
  escalated: boolean;
};
type Event = { time: number; seq?: number; type: 'arrive' | 'cycle' | 'pickUp' | 'atDoor' | 'attempt' | 'backAtDepot' | 'remit' | 'sample'; order: number; zone: number };

/**
 * One last-mile day: orders arrive by the day's curve into their zone's driver pool; release cycles (on an
 * arrival, a freed slot, and every minute while orders wait) plan with the policy; a released order is
 * assigned, loaded, driven out, and delivered or not (nobody home), each step through the order's real
 * lifecycle machine, whose effects the day carries out: a freed slot calls a cycle, a return asks the
 * return rules (back to the pool, closed or escalated), a delivery asks the remit rules (cash on delivery
 * waits for finance's confirmation). Times in hours from the day's midnight, a Monday (virtual-clock.ts);
 * the run ends at `horizon` hours (by default the day and the night after, for the late orders to finish).
 * Every policy sees the same orders, drives, failed attempts and remits: each comes from its own stream.
 */
export function simulateLastMileDay({ policy, params: p, streams: random, horizon, sampleEvery }: ReplicationInput<LastMileParams>): ReplicationOutput {
  const streams: Streams = (purpose) => random.stream(purpose);
  const origin = SIM_EPOCH;
  const plan = plannerFor(policy);
  const curve = DEFAULT_ARRIVAL_CURVE;
  const zones = zonesOf(p, curve);
  const returns = compileRuleset(DEFAULT_RULESETS.return);
  const remits = compileRuleset(DEFAULT_RULESETS.remit);
  const lifecycle = new DeliveryLifecycle();
  const orderDraws = lastMileOrders(p, zones, curve, streams);
  // Each order's loadings, drives, door outcomes and remit are drawn up front, in order, from their own
  // streams: when a policy releases an order, and what it did before, changes none of them (common random numbers).
  const draws = drawsOf(orderDraws.length, streams);

  const orders: Sim[] = orderDraws.map((o) => ({
    ...o,
    step: lifecycle.queued(o.kind, o.paymentMode),
    pool: {
      id: o.id,
      kind: o.kind,
      statedPriority: o.statedPriority,
      dueAt: new Date(origin + o.due * 3_600_000),
      createdAt: new Date(origin + o.arrival * 3_600_000),
      accountTier: o.accountTier,
      orderValue: o.orderValue,
      lineCount: o.lineCount,
      queuedAt: new Date(origin + o.arrival * 3_600_000),
      units: 1,
      zone: zones[o.zone]!.name,
    },
    released: null,
    delivered: null,
    closed: false,
    escalated: false,
  }));
  const index = new Map(orders.map((o, i) => [o.id, i]));
  const pools: PoolOrder[][] = zones.map(() => []);
  const used = zones.map(() => 0);
  const busyHours = zones.map(() => 0);
  const cycleAt: (number | null)[] = zones.map(() => null);
  const lastChange = zones.map(() => 0);
  const queue = new EventQueue<Event>();
  const at = (t: number) => new Date(origin + t * 3_600_000);
  const series: SeriesPoint[] = [];
  /** Each pool's waiting orders at each sample: how balanced the zones' queues were. */
  const queues: number[][] = [];
  let failed = 0;
  let now = 0;

  const setUsed = (zone: number, value: number) => {
    busyHours[zone]! += used[zone]! * (now - lastChange[zone]!);
    lastChange[zone] = now;
    used[zone] = value;
  };
  const callCycle = (zone: number, t: number) => {
    // Triggers at one instant, and those while a cycle is due, are one cycle: the controller's too.
    if (cycleAt[zone] !== null && cycleAt[zone]! <= t) return;
    cycleAt[zone] = t;
    queue.push({ time: t, type: 'cycle', order: -1, zone });
  };
  const apply = (o: Sim, event: OrderMachineEvent) => {
    const from = o.step.state;
    o.step = lifecycle.step(o.step, event);
    if (o.step.state !== from) entered(o);
    perform(o);
  };
  const entered = (o: Sim) => {
    if (o.step.state === 'closed') o.closed = true;
    else if (o.step.state === 'escalated' && o.step.snapshot.context.escalation?.from !== 'queued') o.escalated = true;
    else if (o.step.state === 'awaiting_remit') {
      const i = index.get(o.id)!;
      queue.push({ time: now + 1 + 3 * draws.remit[i]!, type: 'remit', order: i, zone: o.zone });
    }
  };
  /** What the machine asked for on entering the order's state, as the workflow carries it out. */
  const perform = (o: Sim) => {
    for (const effect of o.step.effects) {
      if (effect === 'requestRelease') {
        o.pool.queuedAt = at(now);
        o.pool.escalated = false;
        pools[o.zone]!.push(o.pool);
        callCycle(o.zone, now);
      } else if (effect === 'freeCapacity') {
        setUsed(o.zone, used[o.zone]! - 1);
        callCycle(o.zone, now);
      } else if (effect === 'decideReturn') {
        const chosen = returns.decide(returnFacts(o.pool, { returnReason: 'not_home', attempts: o.step.snapshot.context.attempts }, at(now))).chosen!;
        apply(o, { type: 'RETURN_DECIDED', outcome: chosen.type as 'requeue' | 'close' | 'escalate' });
      } else if (effect === 'decideRemit') {
        const collected = o.paymentMode === 'cod' ? o.orderValue : null;
        const chosen = remits.decide(remitFacts({ ...o.pool, paymentMode: o.paymentMode }, collected, null, at(now))).chosen!;
        apply(o, { type: 'REMIT_DECIDED', outcome: chosen.type as 'clear' | 'require_remit' | 'finance_review' });
      }
    }
  };

  const runCycle = (zone: number) => {
    // A cycle called for later than one called since has been run by that one.
    if (cycleAt[zone] !== now) return;
    cycleAt[zone] = null;
    const pool = pools[zone]!;
    if (pool.length === 0) return;
    const z = zones[zone]!;
    const hour = Math.floor(now % 24);
    // The drivers are the limit whatever the policy; CONWIP caps the orders out on all of them together.
    const wipLimit = policy.kind === 'conwip' ? Math.min(z.wipLimit, used[zone]! + Math.max(0, policy.limit - used.reduce((a, b) => a + b, 0))) : z.wipLimit;
    const area: CycleArea = { id: z.areaId, zone: z.name, status: 'open', inShift: true, hourOfDay: hour, unit: 'orders', wipLimit, used: used[zone]!, starvationRelease: false };
    // No slot under CONWIP's cap: the cycle would still release one order into an empty pool's area.
    if (wipLimit <= used[zone]! && used[zone] === 0) return callCycle(zone, now + TICK_HOURS);
    const planned = plan(pool, area, at(now));
    if (planned.released.length > 0) {
      const gone = new Set(planned.released.map((r) => r.orderId));
      pools[zone] = pool.filter((o) => !gone.has(o.id));
      setUsed(zone, planned.usedAfter);
      for (const { orderId } of planned.released) {
        const i = index.get(orderId)!;
        const o = orders[i]!;
        o.released ??= now;
        apply(o, { type: 'RELEASE', workAreaId: z.areaId });
        apply(o, { type: 'ASSIGNED', resource: `${z.name} driver` });
        queue.push({ time: now + LOAD_HOURS * (0.5 + draws.loading[attemptDraw(i, o.step.snapshot.context.attempts)]!), type: 'pickUp', order: i, zone });
      }
    }
    for (const { orderId, reason, role } of planned.escalated) {
      const o = orders[index.get(orderId)!]!;
      apply(o, { type: 'ESCALATE', actor: 'release rules', reason, role });
      o.pool.escalated = true;
    }
    if (pools[zone]!.length > 0) callCycle(zone, now + TICK_HOURS);
  };

  const handle = ({ type, order, zone }: Event) => {
    const o = orders[order]!;
    const draw = () => attemptDraw(order, o.step.snapshot.context.attempts);
    const travel = (leg: 0 | 1) => zones[o.zone]!.travelHours * (0.7 + 0.6 * draws.travel[2 * draw() + leg]!);
    switch (type) {
      case 'arrive':
        return perform(o);
      case 'cycle':
        return runCycle(zone);
      case 'pickUp':
        apply(o, { type: 'PICK_UP', actor: 'driver' });
        apply(o, { type: 'DEPART', actor: 'driver' });
        return queue.push({ time: now + travel(0), type: 'atDoor', order, zone });
      case 'atDoor':
        return queue.push({ time: Math.max(now, o.windowStart ?? now) + SERVICE_HOURS, type: 'attempt', order, zone });
      case 'attempt':
        if (draws.failure[draw()]! < p.failureRate) {
          failed++;
          apply(o, { type: 'FAIL_ATTEMPT', actor: 'driver' });
          return queue.push({ time: now + travel(1), type: 'backAtDepot', order, zone });
        }
        o.delivered = now;
        return apply(o, { type: 'DELIVER', actor: 'driver' });
      case 'backAtDepot':
        return apply(o, { type: 'RETURN', actor: 'driver', returnReason: 'not_home', reason: 'Nobody home.' });
      case 'remit':
        return apply(o, { type: 'CONFIRM_REMIT', actor: 'finance' });
      case 'sample': {
        const wip: Record<string, number> = {};
        zones.forEach((z, i) => (wip[z.areaId] = used[i]!));
        series.push({ t: now, pool: pools.reduce((n, pool) => n + pool.length, 0), wip, load: {} });
        queues.push(pools.map((pool) => pool.length));
        return;
      }
    }
  };

  orders.forEach((o, i) => queue.push({ time: o.arrival, type: 'arrive', order: i, zone: o.zone }));
  const end = horizon;
  for (let i = 0; i * sampleEvery <= end; i++) queue.push({ time: i * sampleEvery, type: 'sample', order: -1, zone: -1 });
  for (let next = queue.pop(); next && next.time <= end; next = queue.pop()) {
    now = next.time;
    handle(next);
  }
  now = end;
  zones.forEach((_, zone) => setUsed(zone, used[zone]!));
  const utilisation = busyHours.reduce((a, b) => a + b, 0) / zones.reduce((n, z) => n + z.wipLimit * end, 0);
  return { ...kpisOf(orders, utilisation, series, queues, failed, end), series };
}

/** Attempts an order has draws for; a further attempt (rules that requeue more often) takes the first ones again. */
const ATTEMPTS_DRAWN = 4;
const attemptDraw = (order: number, attempt: number) => order * ATTEMPTS_DRAWN + (attempt % ATTEMPTS_DRAWN);

function drawsOf(orders: number, streams: Streams) {
  const fill = (length: number, stream: () => number) => Float64Array.from({ length }, () => stream());
  return {
    loading: fill(orders * ATTEMPTS_DRAWN, streams('loading')),
    /** Out and back, per attempt. */
    travel: fill(2 * orders * ATTEMPTS_DRAWN, streams('travel')),
    failure: fill(orders * ATTEMPTS_DRAWN, streams('failures')),
    remit: fill(orders, streams('remits')),
  };
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const pct = (n: number, of: number) => (of === 0 ? 0 : (100 * n) / of);

function kpisOf(orders: readonly Sim[], utilisation: number, series: readonly SeriesPoint[], queues: number[][], failedAttempts: number, end: number): Pick<ReplicationOutput, 'kpis' | 'extraKpis'> {
  const delivered = orders.filter((o) => o.delivered !== null);
  const released = orders.filter((o) => o.released !== null);
  const onTime = delivered.filter((o) => o.delivered! <= o.due + 1e-9).length;
  // The spread of the pools' queues (standard deviation across zones), averaged over the day's samples.
  const balance = mean(
    queues.map((lengths) => {
      const m = mean(lengths);
      return Math.sqrt(mean(lengths.map((x) => (x - m) ** 2)));
    }),
  );
  return {
    kpis: {
      totalThroughputTime: mean(delivered.map((o) => o.delivered! - o.arrival)),
      poolWait: mean(released.map((o) => o.released! - o.arrival)),
      floorTime: mean(delivered.map((o) => o.delivered! - o.released!)),
      // An order never delivered is late.
      percentTardy: pct(orders.length - onTime, orders.length),
      meanTardiness: mean(delivered.map((o) => Math.max(0, o.delivered! - o.due))),
      // Planned release: the due time minus the loading and the time at the door (the drive is the zone's).
      onTimeReleasePercent: pct(released.filter((o) => o.released! <= o.due - LOAD_HOURS - SERVICE_HOURS).length, orders.length),
      onTimeCompletionPercent: pct(onTime, orders.length),
      queueBalance: balance,
      meanWip: mean(series.map((p) => Object.values(p.wip).reduce((a, b) => a + b, 0))),
      meanPool: mean(series.map((p) => p.pool)),
      utilisation,
      throughputRate: delivered.length / end,
    },
    extraKpis: {
      onTimeDeliveryPercent: pct(onTime, orders.length),
      failedAttempts,
      notDelivered: orders.length - delivered.length,
      escalated: orders.filter((o) => o.escalated).length,
    },
  };
}
