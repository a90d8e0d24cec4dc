import { isInShift, localTime } from '../../../domain/shift-calendar.ts';
import { operationLoad, type CycleArea, type NormedArea, type PoolOrder } from '../../../rules/release-cycle.ts';
import { EventQueue } from '../../event-queue.ts';
import type { KpiName, SeriesPoint } from '../../kpis.ts';
import type { PolicySpec } from '../../policy-spec.ts';
import { plannerFor } from '../plan-cycle.ts';
import type { RecordedArea, RecordedDay, RecordedOrder } from './recorded-day.ts';

/** How a policy decided an order on the replayed day: where it went and when, and the facts the release rules saw then. */
export interface ReplayedDecision {
  outcome: 'released' | 'escalated' | 'waiting';
  /** The cycle's time (released, escalated) or, for an order still waiting when the day ran out, its last cycle's. */
  at: Date;
  areaId: string;
  /** Why it waits or was escalated; null when released. */
  reason: string | null;
  releaseFacts: Record<string, unknown>;
  order: PoolOrder;
  /** A released or escalated order's last cycle in which it waited, if it waited: why it went later. */
  waited?: ReplayedDecision;
}

export interface ReplayRun {
  kpis: Record<KpiName, number>;
  /** Orders released. */
  released: number;
  series: SeriesPoint[];
  decisions: Map<string, ReplayedDecision>;
}

const HOUR = 3_600_000;
/** The live controller's tick while orders wait. */
const TICK_HOURS = 1 / 60;
/** The day and the night after it, so that the day's orders can finish. */
export const REPLAY_HOURS = 48;

type Event = { time: number; seq?: number; type: 'arrive' | 'done' | 'cycle' | 'sample'; order: number; area: number };

/**
 * Replays a recorded day under a policy: each order arrives in its pools when it entered one that day,
 * the areas are as they were when the day began, and a released order works for as long as its recorded
 * work took (release to end of work), wherever and whenever the policy releases it. An order the day never
 * released has no duration of its own; it works for the mean of its area's recorded durations. An order
 * whose recorded work never ended holds its slot to the end of the replay. Cycles run as the live
 * controller runs them: on an arrival, on a freed slot, and every minute while orders wait. The areas' WIP
 * limits hold under every policy but immediate release, which releases each order as it arrives; CONWIP
 * caps the orders released and not done across all areas. Times in hours from the day's midnight (UTC).
 */
export function replayRecordedDay(day: RecordedDay, policy: PolicySpec, horizon = REPLAY_HOURS, sampleEvery = 0.25): ReplayRun {
  const plan = plannerFor(policy);
  const areas = day.areas;
  const areaIndex = new Map(areas.map((a, i) => [a.id, i]));
  const at = (t: number) => new Date(day.start + t * HOUR);
  const hoursOf = (ms: number) => (ms - day.start) / HOUR;
  const orders = day.orders.filter((o) => o.candidateAreas.some((id) => areaIndex.has(id)));
  const durations = workDurations(orders, areas);
  const pools: PoolOrder[][] = areas.map(() => []);
  const used = areas.map(() => 0);
  const busy = areas.map(() => 0);
  const changed = areas.map(() => 0);
  const loads = new Map<string, number>(areas.filter((a) => a.workloadNormHours !== null).map((a) => [a.id, 0]));
  const cycleAt: (number | null)[] = areas.map(() => null);
  const poolOrders: PoolOrder[] = orders.map(poolOrderOf);
  const index = new Map(orders.map((o, i) => [o.id, i]));
  const releasedAt: (number | null)[] = orders.map(() => null);
  const releasedInto: number[] = orders.map(() => -1);
  const doneAt: (number | null)[] = orders.map(() => null);
  const decisions = new Map<string, ReplayedDecision>();
  const series: SeriesPoint[] = [];
  const queues: number[][] = [];
  const queue = new EventQueue<Event>();
  let now = 0;

  const setUsed = (area: number, value: number) => {
    busy[area]! += used[area]! * (now - changed[area]!);
    changed[area] = now;
    used[area] = value;
  };
  const addLoad = (o: RecordedOrder, sign: 1 | -1) => {
    for (const op of o.operations ?? []) {
      const area = areas[areaIndex.get(op.workAreaId) ?? -1];
      if (area && area.workloadNormHours !== null) loads.set(area.id, loads.get(area.id)! + sign * operationLoad(op, area.loadCorrection));
    }
  };
  const callCycle = (area: number, t: number) => {
    if (cycleAt[area] !== null && cycleAt[area]! <= t) return;
    cycleAt[area] = t;
    queue.push({ time: t, type: 'cycle', order: -1, area });
  };
  const limitOf = (a: number): number | null => {
    if (policy.kind === 'immediate') return null;
    if (policy.kind !== 'conwip') return areas[a]!.wipLimit;
    const free = Math.max(0, policy.limit - used.reduce((x, y) => x + y, 0));
    return areas[a]!.wipLimit === null ? used[a]! + free : Math.min(areas[a]!.wipLimit!, used[a]! + free);
  };
  const norms = (): Map<string, NormedArea> =>
    new Map(areas.filter((a) => a.workloadNormHours !== null).map((a) => [a.id, { normHours: a.workloadNormHours!, correction: a.loadCorrection, loadHours: loads.get(a.id)! }]));

  const runCycle = (a: number) => {
    // A cycle called for later than one called since has been run by that one.
    if (cycleAt[a] !== now) return;
    cycleAt[a] = null;
    const pool = pools[a]!;
    if (pool.length === 0) return;
    const area = areas[a]!;
    const when = at(now);
    const cycleArea: CycleArea = {
      id: area.id,
      zone: area.zone,
      status: area.status,
      inShift: isInShift(area.shiftCalendar, area.timeZone, when),
      hourOfDay: Number(localTime(when, area.timeZone).time.slice(0, 2)),
      unit: area.unit,
      wipLimit: limitOf(a),
      used: used[a]!,
      ...(loads.size > 0 ? { norms: norms() } : {}),
      starvationRelease: area.starvationRelease,
    };
    const planned = plan(pool, cycleArea, when);
    const factsOf = new Map(planned.ranking.map((r) => [r.order.id, r.releaseFacts]));
    for (const { orderId, reason } of planned.waited) {
      const order = poolOrders[index.get(orderId)!]!;
      // An order escalated while it waits stays escalated until a cycle releases it.
      if (decisions.get(orderId)?.outcome !== 'escalated') decisions.set(orderId, { outcome: 'waiting', at: when, areaId: area.id, reason, releaseFacts: factsOf.get(orderId)!, order });
    }
    const waitedBefore = (orderId: string) => {
      const earlier = decisions.get(orderId);
      return earlier?.outcome === 'waiting' ? { waited: earlier } : earlier?.waited ? { waited: earlier.waited } : {};
    };
    for (const { orderId, reason } of planned.escalated) {
      const order = poolOrders[index.get(orderId)!]!;
      order.escalated = true;
      decisions.set(orderId, { outcome: 'escalated', at: when, areaId: area.id, reason, releaseFacts: factsOf.get(orderId)!, order, ...waitedBefore(orderId) });
    }
    if (planned.released.length > 0) {
      const gone = new Set(planned.released.map((r) => r.orderId));
      for (const { orderId } of planned.released) {
        const i = index.get(orderId)!;
        decisions.set(orderId, { outcome: 'released', at: when, areaId: area.id, reason: null, releaseFacts: factsOf.get(orderId)!, order: poolOrders[i]!, ...waitedBefore(orderId) });
        releasedAt[i] = now;
        releasedInto[i] = a;
        addLoad(orders[i]!, 1);
        queue.push({ time: now + durations[i]!, type: 'done', order: i, area: a });
        // An order several areas may release leaves all their pools.
        for (const id of orders[i]!.candidateAreas) {
          const other = areaIndex.get(id);
          if (other !== undefined && other !== a) pools[other] = pools[other]!.filter((o) => o.id !== orderId);
        }
      }
      pools[a] = pool.filter((o) => !gone.has(o.id));
      setUsed(a, planned.usedAfter);
    }
    if (pools[a]!.length > 0) callCycle(a, now + TICK_HOURS);
  };

  const handle = ({ type, order, area }: Event) => {
    if (type === 'cycle') return runCycle(area);
    if (type === 'sample') {
      const wip: Record<string, number> = {};
      areas.forEach((a, i) => (wip[a.id] = used[i]!));
      series.push({ t: now, pool: pools.reduce((n, p) => n + p.length, 0), wip, load: Object.fromEntries(loads) });
      queues.push(pools.map((p) => p.length));
      return;
    }
    const o = orders[order]!;
    if (type === 'arrive') {
      for (const id of o.candidateAreas) {
        const a = areaIndex.get(id);
        if (a === undefined) continue;
        pools[a]!.push(poolOrders[order]!);
        callCycle(a, now);
      }
      return;
    }
    doneAt[order] = now;
    addLoad(o, -1);
    setUsed(area, used[area]! - (areas[area]!.unit === 'units' ? o.units : 1));
    callCycle(area, now);
  };

  orders.forEach((o, i) => queue.push({ time: hoursOf(o.queuedAt), type: 'arrive', order: i, area: -1 }));
  const end = horizon;
  for (let i = 0; i * sampleEvery <= end; i++) queue.push({ time: i * sampleEvery, type: 'sample', order: -1, area: -1 });
  for (let next = queue.pop(); next && next.time <= end; next = queue.pop()) {
    now = next.time;
    handle(next);
  }
  now = end;
  areas.forEach((_, a) => setUsed(a, used[a]!));
  // Of the slots the areas' WIP limits allow; an area without one has no slots to measure against.
  const limited = areas.flatMap((a, i) => (a.wipLimit === null ? [] : [{ busy: busy[i]!, slots: a.wipLimit * end }]));
  const utilisation = limited.reduce((n, a) => n + a.busy, 0) / Math.max(1, limited.reduce((n, a) => n + a.slots, 0));
  const leadTime = (o: RecordedOrder) => areas[areaIndex.get(o.candidateAreas[0]!)!]!.plannedLeadTimeHours;
  const kpis = kpisOf(orders, releasedAt, doneAt, { utilisation, hoursOf, leadTime, end, series, queues });
  return { kpis, released: releasedAt.filter((t) => t !== null).length, series, decisions };
}

function poolOrderOf(o: RecordedOrder): PoolOrder {
  return {
    id: o.id,
    kind: o.kind,
    statedPriority: o.statedPriority,
    dueAt: new Date(o.dueAt),
    createdAt: new Date(o.createdAt),
    accountTier: o.accountTier,
    orderValue: o.orderValue,
    lineCount: o.lineCount,
    queuedAt: new Date(o.queuedAt),
    units: o.units,
    zone: o.zone,
    ...(o.operations ? { operations: o.operations } : {}),
  };
}

/** Each order's work in hours as recorded; the day's unreleased orders get their area's mean, and work never ended lasts past the replay. */
function workDurations(orders: readonly RecordedOrder[], areas: readonly RecordedArea[]): number[] {
  const sums = new Map<string, { hours: number; n: number }>(areas.map((a) => [a.id, { hours: 0, n: 0 }]));
  let all = 0;
  let n = 0;
  for (const o of orders) {
    if (o.releasedAt === null || o.doneAt === null) continue;
    const hours = (o.doneAt - o.releasedAt) / HOUR;
    const sum = sums.get(o.releasedInto!);
    if (sum) {
      sum.hours += hours;
      sum.n++;
    }
    all += hours;
    n++;
  }
  const fallback = n === 0 ? 1 : all / n;
  return orders.map((o) => {
    if (o.releasedAt !== null) return o.doneAt === null ? Infinity : (o.doneAt - o.releasedAt) / HOUR;
    const sum = sums.get(o.candidateAreas[0]!);
    return sum && sum.n > 0 ? sum.hours / sum.n : fallback;
  });
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const pct = (n: number, of: number) => (of === 0 ? 0 : (100 * n) / of);

type Measures = { utilisation: number; hoursOf: (ms: number) => number; leadTime: (o: RecordedOrder) => number; end: number; series: SeriesPoint[]; queues: number[][] };

function kpisOf(orders: readonly RecordedOrder[], releasedAt: (number | null)[], doneAt: (number | null)[], m: Measures): Record<KpiName, number> {
  const { hoursOf, end } = m;
  const done = orders.flatMap((o, i) => (doneAt[i] === null ? [] : [{ o, released: releasedAt[i]!, done: doneAt[i]! }]));
  const released = orders.flatMap((o, i) => (releasedAt[i] === null ? [] : [{ o, released: releasedAt[i]! }]));
  const due = (o: RecordedOrder) => hoursOf(o.dueAt);
  // Late: done after its due time, or not done and due before the replay ends.
  const late = orders.filter((o, i) => (doneAt[i] === null ? due(o) < end : doneAt[i]! > due(o) + 1e-9)).length;
  return {
    totalThroughputTime: mean(done.map((d) => d.done - hoursOf(d.o.queuedAt))),
    poolWait: mean(released.map((r) => r.released - hoursOf(r.o.queuedAt))),
    floorTime: mean(done.map((d) => d.done - d.released)),
    percentTardy: pct(late, orders.length),
    meanTardiness: mean(done.map((d) => Math.max(0, d.done - due(d.o)))),
    onTimeReleasePercent: pct(released.filter((r) => r.released <= due(r.o) - m.leadTime(r.o) + 1e-9).length, orders.length),
    onTimeCompletionPercent: pct(done.filter((d) => d.done <= due(d.o) + 1e-9).length, orders.length),
    queueBalance: mean(
      m.queues.map((lengths) => {
        const avg = mean(lengths);
        return Math.sqrt(mean(lengths.map((x) => (x - avg) ** 2)));
      }),
    ),
    meanWip: mean(m.series.map((p) => Object.values(p.wip).reduce((a, b) => a + b, 0))),
    meanPool: mean(m.series.map((p) => p.pool)),
    utilisation: m.utilisation,
    throughputRate: done.length / end,
  };
}
