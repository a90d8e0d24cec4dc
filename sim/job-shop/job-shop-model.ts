import { operationLoad, type NormedArea, type Operation, type PoolOrder } from '../../rules/release-cycle.ts';
import { distinctSample, exponential, truncatedErlang2, uniform, uniformInt } from '../distributions.ts';
import { EventQueue } from '../event-queue.ts';
import type { KpiName, SeriesPoint } from '../kpis.ts';
import type { ReplicationInput, ReplicationOutput } from '../scenarios/scenario.ts';
import { instantAt } from '../virtual-clock.ts';
import type { JobShopParams } from './job-shop-params.ts';
import { conwipCycle, cycleRulesOf, gatewayOf, groupCycle, starvedCycle } from './release-calls.ts';

/** An order of the shop: what the release cycle sees (`pool`) and where it is on the floor. */
interface Job {
  pool: PoolOrder;
  arrival: number;
  due: number;
  /** Due date minus the planned lead times of its operations. */
  plannedRelease: number;
  centres: number[];
  hours: number[];
  /** Operation due dates: the due date minus the planned lead times of the operations after each. */
  opDue: number[];
  released: number;
  /** The operation it waits for or is in. */
  next: number;
}

type Event = { time: number; seq?: number; type: 'arrival' | 'done' | 'period' | 'sample'; centre: number };

const EPS = 1e-9;

/** One replication of the job shop under one policy; every random number is drawn at an order's arrival, so all policies see the same orders. */
export function replicateJobShop({ policy, params: p, streams, horizon, warmUp, sampleEvery }: ReplicationInput<JobShopParams>): ReplicationOutput {
  const ids = Array.from({ length: p.centres }, (_, c) => `wc${c + 1}`);
  const centreIndex = ids.map((_, c) => c);
  const processing = truncatedErlang2(p.meanProcessing, p.maxProcessing);
  const meanRouting = (p.minRouting + p.maxRouting) / 2;
  // Every order brings meanRouting × meanProcessing hours, spread evenly over the centres.
  const interArrival = (meanRouting * p.meanProcessing) / (p.centres * p.utilisation);
  const arrivals = streams.stream('arrivals');
  const routings = streams.stream('routings');
  const times = streams.stream('processing');
  const dues = streams.stream('due-dates');
  const rules = cycleRulesOf(policy);
  const usesNorms = policy.kind === 'rules' || policy.kind === 'fifo' || policy.kind === 'edd';
  const starvation = usesNorms && p.starvationTrigger;

  const queues: Job[][] = ids.map(() => []);
  const current: (Job | null)[] = ids.map(() => null);
  const loads = new Float64Array(p.centres);
  const pool = new Map<string, Job>();
  let onFloor = 0;
  let made = 0;

  const events = new EventQueue<Event>();
  const at = (time: number, type: Event['type'], centre = -1) => {
    if (time <= horizon) events.push({ time, type, centre });
  };

  // Time integrals from the warm-up on.
  let last = warmUp;
  const area = { wip: 0, pool: 0, busy: 0, spread: 0 };
  const advance = (t: number) => {
    if (t <= last) return;
    const dt = t - last;
    last = t;
    let busy = 0;
    let sum = 0;
    let squares = 0;
    for (let c = 0; c < p.centres; c++) {
      const there = direct(c);
      busy += current[c] ? 1 : 0;
      sum += there;
      squares += there * there;
    }
    const mean = sum / p.centres;
    area.wip += onFloor * dt;
    area.pool += pool.size * dt;
    area.busy += busy * dt;
    area.spread += Math.sqrt(Math.max(0, squares / p.centres - mean * mean)) * dt;
  };

  const done = { count: 0, throughput: 0, poolWait: 0, floor: 0, tardy: 0, tardiness: 0, releasedOnTime: 0 };
  const series: SeriesPoint[] = [];

  function newJob(now: number): Job {
    const length = uniformInt(routings, p.minRouting, p.maxRouting);
    const centres = distinctSample(routings, centreIndex, length);
    const hours = centres.map(() => processing(times));
    const due = now + uniform(dues, p.dueMin, p.dueMax);
    const opDue = new Array<number>(length);
    let after = due;
    for (let k = length - 1; k >= 0; k--) {
      opDue[k] = after;
      after -= p.plannedLeadTimeHours + hours[k]!;
    }
    const id = `j${++made}`;
    const order: PoolOrder = {
      id,
      kind: 'production',
      statedPriority: 'normal',
      orderValue: 0,
      lineCount: 1,
      createdAt: instantAt(now),
      queuedAt: instantAt(now),
      dueAt: instantAt(due),
      units: 1,
      gatewayId: ids[centres[0]!],
      operations: centres.map((c, k) => ({ workAreaId: ids[c]!, hours: hours[k]!, position: k + 1, plannedLeadTimeHours: p.plannedLeadTimeHours })),
    };
    return { pool: order, arrival: now, due, plannedRelease: after, centres, hours, opDue, released: NaN, next: 0 };
  }

  function start(job: Job, c: number, now: number) {
    current[c] = job;
    at(now + job.hours[job.next]!, 'done', c);
  }

  function arrive(job: Job, now: number) {
    const c = job.centres[job.next]!;
    if (current[c]) queues[c]!.push(job);
    else start(job, c, now);
  }

  function release(job: Job, now: number) {
    pool.delete(job.pool.id);
    job.released = now;
    job.pool.operations!.forEach((op, k) => (loads[job.centres[k]!]! += operationLoad(op, 'position')));
    onFloor++;
    arrive(job, now);
  }

  const poolOrders = () => Array.from(pool.values(), (j) => j.pool);
  const norms = (): ReadonlyMap<string, NormedArea> | undefined =>
    p.norm === null ? undefined : new Map(ids.map((id, c) => [id, { normHours: p.norm!, correction: 'position', loadHours: loads[c]! }]));

  function releaseIds(released: readonly string[], now: number) {
    for (const id of released) release(pool.get(id)!, now);
  }

  const direct = (c: number) => queues[c]!.length + (current[c] ? 1 : 0);
  const gateways = (now: number) => ids.map((id, c) => gatewayOf(id, now, direct(c)));
  /** The starvation trigger fires when a centre's direct load falls to zero (LUMS COR), as the live trigger does when an area's direct queue empties. */
  function trigger(c: number, now: number) {
    if (!starvation || direct(c) > 0) return;
    const id = starvedCycle(poolOrders(), gateways(now), ids[c]!, rules, now);
    if (id) release(pool.get(id)!, now);
  }

  function conwip(now: number) {
    if (policy.kind === 'conwip') releaseIds(conwipCycle(poolOrders(), rules, now, policy.limit, onFloor), now);
  }

  function complete(job: Job, now: number) {
    onFloor--;
    if (now < warmUp) return;
    done.count++;
    done.throughput += now - job.arrival;
    done.poolWait += job.released - job.arrival;
    done.floor += now - job.released;
    if (now > job.due + EPS) done.tardy++;
    done.tardiness += Math.max(0, now - job.due);
    if (job.released <= job.plannedRelease + EPS) done.releasedOnTime++;
  }

  function nextInQueue(c: number): Job | undefined {
    const queue = queues[c]!;
    if (p.dispatching === 'fcfs' || queue.length < 2) return queue.shift();
    let best = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i]!.opDue[queue[i]!.next]! < queue[best]!.opDue[queue[best]!.next]!) best = i;
    return queue.splice(best, 1)[0];
  }

  function unload(op: Operation, c: number) {
    loads[c] = Math.max(0, loads[c]! - operationLoad(op, 'position'));
    if (loads[c]! < EPS) loads[c] = 0;
  }

  function finish(c: number, now: number) {
    const job = current[c]!;
    current[c] = null;
    if (p.loadLeaves === 'operation') unload(job.pool.operations![job.next]!, c);
    job.next++;
    const waiting = nextInQueue(c);
    if (waiting) start(waiting, c, now);
    if (job.next < job.centres.length) arrive(job, now);
    else {
      if (p.loadLeaves === 'order') job.pool.operations!.forEach((op, k) => unload(op, job.centres[k]!));
      complete(job, now);
      conwip(now);
    }
    trigger(c, now);
  }

  at(exponential(arrivals, interArrival), 'arrival');
  if (usesNorms) at(0, 'period');
  let samples = 0;
  at(0, 'sample');
  for (let event = events.pop(); event; event = events.pop()) {
    const now = event.time;
    advance(now);
    switch (event.type) {
      case 'arrival': {
        at(now + exponential(arrivals, interArrival), 'arrival');
        const job = newJob(now);
        if (policy.kind === 'immediate') release(job, now);
        else {
          pool.set(job.pool.id, job);
          conwip(now);
        }
        break;
      }
      case 'done':
        finish(event.centre, now);
        break;
      case 'period':
        at(now + p.period, 'period');
        releaseIds(groupCycle(poolOrders(), gateways(now), rules, now, norms()), now);
        break;
      case 'sample':
        // Counted, not summed, so the last sample falls on the horizon exactly.
        at(++samples * sampleEvery, 'sample');
        series.push({
          t: now,
          pool: pool.size,
          wip: Object.fromEntries(ids.map((id, c) => [id, direct(c)])),
          load: Object.fromEntries(ids.map((id, c) => [id, loads[c]!])),
        });
        break;
    }
  }
  advance(horizon);

  const observed = horizon - warmUp;
  const per = (sum: number) => (done.count > 0 ? sum / done.count : 0);
  const kpis: Record<KpiName, number> = {
    totalThroughputTime: per(done.throughput),
    poolWait: per(done.poolWait),
    floorTime: per(done.floor),
    percentTardy: 100 * per(done.tardy),
    meanTardiness: per(done.tardiness),
    onTimeReleasePercent: 100 * per(done.releasedOnTime),
    onTimeCompletionPercent: done.count > 0 ? 100 - 100 * per(done.tardy) : 0,
    queueBalance: area.spread / observed,
    meanWip: area.wip / observed,
    meanPool: area.pool / observed,
    utilisation: area.busy / (observed * p.centres),
    throughputRate: done.count / observed,
  };
  return { kpis, series };
}
