import type { DecisionOutcome } from '../domain/decision.ts';
import type { Role } from '../domain/roles.ts';
import type { LoadCorrection, WorkAreaStatus } from '../domain/work-area.ts';
import type { CompiledRuleset } from './compile-ruleset.ts';
import { priorityFacts, type PriorityFacts, type PriorityFactsInput } from './priority-facts.ts';
import { rankKey } from './rank-by.ts';

/**
 * One step of a production order's routing: where, for how many hours, and its place in the routing (1 = first);
 * with its area's planned lead time, which the sequencing facts need (priority-facts.ts).
 */
export type Operation = { workAreaId: string; hours: number; position: number; plannedLeadTimeHours?: number };

/** An order waiting in an area's pool, as a release cycle reads it. */
export type PoolOrder = PriorityFactsInput & {
  id: string;
  queuedAt: Date;
  /** What the order weighs against a limit counted in units. */
  units: number;
  /** A production order's routing; it starts at its gateway. None: the order carries no processing times. */
  operations?: readonly Operation[];
  /** The gateway of its release group the order enters by; absent: the only gateway. */
  gatewayId?: string;
  zone?: string | null;
  /** Escalated while it waited: it is in a person's queue already, with its owner, reason and deadline. */
  escalated?: boolean;
  /** The score the order shows now, and the key of its latest release judgement: a cycle rewrites them only when they change. */
  storedScore?: number | null;
  verdictKey?: string | null;
};

/**
 * An area with a workload norm that some candidate's routing passes through: the hours of released,
 * unfinished work it may hold, how an operation counts against it, and what it holds now.
 */
export type NormedArea = { normHours: number; correction: LoadCorrection; loadHours: number };

/**
 * What an operation adds to an area's load: its hours (plain), or its hours divided by its position in
 * the routing (corrected, as in workload control: work further downstream arrives later and is discounted).
 */
export const operationLoad = (op: Operation, correction: LoadCorrection) => (correction === 'position' ? op.hours / op.position : op.hours);

/** The area as the cycle finds it: a pool's own area, or one gateway of a release group. */
export interface CycleArea {
  id: string;
  zone: string | null;
  status: WorkAreaStatus;
  inShift: boolean;
  /** Hour of the day in the area's time zone. */
  hourOfDay: number;
  unit: 'orders' | 'units';
  /** None: the area has no WIP limit and its norms alone govern (`used` is still counted and reported). */
  wipLimit: number | null;
  /** Capacity taken by work in process (and releases still on their way), in `unit`. */
  used: number;
  /** The areas with a workload norm that the candidates' routings touch, by id (a group's cycle takes them from its options). */
  norms?: ReadonlyMap<string, NormedArea>;
  /** Starvation release: an area with nothing in process takes its best order held back only by norms. */
  starvationRelease?: boolean;
}

export interface CycleOptions {
  /**
   * The normed areas shared by the group's gateways, by id. A group's norms are downstream of all its
   * gateways, so they are the call's, not a gateway's; `planReleaseCycle` defaults them to its area's.
   */
  norms?: ReadonlyMap<string, NormedArea>;
  /**
   * The starvation trigger: this area's direct queue emptied. Release at once the best-ranked order whose
   * routing starts there (an order without a routing: whose gateway it is), whatever the norms, and
   * nothing else; the rules, its gateway's status, shift and WIP limit (if any) still apply.
   */
  starvedAreaId?: string;
}

export interface CycleRules {
  /** The effective priority score; without priority rules in force, every order scores 0. */
  score: ((facts: Record<string, unknown>) => number) | null;
  /** A rank-by priority ruleset's sort key for an order with its score (rank-by.ts), smallest first; null: the score alone ranks. */
  rank: ((facts: Record<string, unknown>, score: number) => number) | null;
  /** The release decision; without release rules in force, every order may be released. */
  decide: ((facts: Record<string, unknown>) => DecisionOutcome) | null;
}

/** The rules a release cycle runs, from the compiled priority and release rulesets in force (either may be none): the one way live cycles and the simulator build them. */
export function cycleRules(priority: CompiledRuleset | null, release: CompiledRuleset | null): CycleRules {
  const rankBy = priority?.definition.rankBy;
  const rankValue = priority?.rankValue;
  return {
    score: priority ? priority.score : null,
    rank: rankBy && rankValue ? (facts, score) => rankKey(rankBy, rankValue(facts), score) : null,
    decide: release ? release.decide : null,
  };
}

export type Ranked = { orderId: string; rank: number; score: number };
export interface CyclePlan {
  /** `gatewayId`: the area the order enters by. `starved`: released past the norms by starvation (the area flag or the trigger). */
  released: (Ranked & { gatewayId: string; weight: number; starved?: true })[];
  escalated: (Ranked & { gatewayId: string; reason: string; role: Role })[];
  /** Every other order of the pool, with why it waits. */
  waited: (Ranked & { reason: string })[];
  /** Capacity taken once the released orders count: the one area's, or the sum over a group's gateways. */
  usedAfter: number;
  /** Capacity taken once the released orders count, by gateway. */
  usedAfterByGateway: Record<string, number>;
  /** The normed areas' loads in hours once the released orders count, by id. */
  loadsAfter: Record<string, number>;
  /** The pool in rank order (rank 1 first), each order with its gateway and the facts the release rules saw. */
  ranking: { order: PoolOrder; gatewayId: string; releaseFacts: Record<string, unknown> }[];
}

/**
 * What ranks an order in its pool; times in epoch milliseconds, so sorting a large pool allocates nothing.
 * `key` is a rank-by's sort key (none, or 0, when the score alone ranks).
 */
export type Rankable = { id: string; score: number; due: number; queued: number; key?: number };

/**
 * Pool order: a rank-by's key, smallest first (two missing values, both +Infinity, tie: Infinity − Infinity
 * is NaN, which `||` passes over), then the higher effective priority, the earlier due time, the earlier arrival.
 */
export function compareRanked(a: Rankable, b: Rankable): number {
  return (a.key ?? 0) - (b.key ?? 0) || b.score - a.score || a.due - b.due || a.queued - b.queued || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What the release rules choose when none are in force. */
const RELEASE = { type: 'release', params: {} };

const CLOSED: Record<Exclude<WorkAreaStatus, 'open'>, string> = { paused: 'The work area is paused.', stopped: 'The work area is stopped.' };

/** Why the order's routing would take some normed area past its norm, or null. An empty area takes any order. */
function normProblem(order: PoolOrder, norms: ReadonlyMap<string, NormedArea>, loads: Map<string, number>): string | null {
  for (const op of order.operations ?? []) {
    const norm = norms.get(op.workAreaId);
    if (!norm) continue;
    const load = loads.get(op.workAreaId)!;
    const after = load + operationLoad(op, norm.correction);
    if (load > 0 && after > norm.normHours + 1e-9) return `Would bring ${op.workAreaId}'s load to ${after.toFixed(1)} h; its workload norm is ${norm.normHours} h.`;
  }
  return null;
}

function addLoad(order: PoolOrder, norms: ReadonlyMap<string, NormedArea>, loads: Map<string, number>): void {
  for (const op of order.operations ?? []) {
    const norm = norms.get(op.workAreaId);
    if (norm) loads.set(op.workAreaId, loads.get(op.workAreaId)! + operationLoad(op, norm.correction));
  }
}

/** The facts the release decision point offers about one order, with the area as the cycle has filled it so far. */
export function releaseFactsOf(
  order: { zone?: string | null },
  facts: Pick<PriorityFacts, 'kind' | 'slackHours' | 'dueAt'>,
  score: number,
  area: Pick<CycleArea, 'id' | 'zone' | 'status' | 'wipLimit' | 'inShift' | 'hourOfDay'>,
  now: { wip: number; queueLength: number },
): Record<string, unknown> {
  const { kind, slackHours, dueAt } = facts;
  // One literal where neither zone is known (a cycle builds one per order of its pool); in place, not spread, where one is.
  if (!area.zone && !order.zone) {
    return { areaId: area.id, kind, slackHours, dueAt, priorityScore: score, areaStatus: area.status, areaWip: now.wip, areaWipLimit: area.wipLimit ?? undefined, areaQueueLength: now.queueLength, inShift: area.inShift, hourOfDay: area.hourOfDay };
  }
  const zoned: Record<string, unknown> = { areaId: area.id };
  if (area.zone) zoned.areaZone = area.zone;
  if (order.zone) zoned.zone = order.zone;
  return Object.assign(zoned, { kind, slackHours, dueAt, priorityScore: score, areaStatus: area.status, areaWip: now.wip, areaWipLimit: area.wipLimit ?? undefined, areaQueueLength: now.queueLength, inShift: area.inShift, hourOfDay: area.hourOfDay });
}

/** Where an order's routing starts: its first operation's area, or its gateway when it has no routing. */
function startArea(order: PoolOrder, gatewayId: string): string {
  let first: Operation | undefined;
  for (const op of order.operations ?? []) if (!first || op.position < first.position) first = op;
  return first?.workAreaId ?? gatewayId;
}

/** A gateway's state during one cycle. */
type Gateway = {
  area: CycleArea;
  usedAfter: number;
  released: number;
  /** Every order behind one that does not fit waits for the same reason: one string for all of them. */
  blockedReason: string | null;
  heldByNorm: { order: PoolOrder; waitedAt: number; weight: number } | null;
};

/**
 * One release cycle of one area: the group of one. Its results are those of `planGroupReleaseCycle` with
 * the area as the only gateway and its own norms.
 */
export function planReleaseCycle(pool: readonly PoolOrder[], area: CycleArea, rules: CycleRules, now: Date, options: CycleOptions = {}): CyclePlan {
  return planGroupReleaseCycle(pool, [area], rules, now, { ...options, norms: options.norms ?? area.norms });
}

/**
 * One release cycle of a release group, decided without I/O: rank the group's one pool by effective
 * priority, or by a rank-by's value with the priority after it (ties: the earlier due time, then the
 * earlier arrival), ask the release rules about every order
 * in rank order with the facts of the gateway it enters by, and release those the rules let go while they
 * fit that gateway's capacity. The capacity is the invariant, not the rules: a ruleset without an "area
 * full" rule still cannot release past a limit. Ranking is strict per gateway: once an order does not fit,
 * lighter orders behind it at the same gateway wait too; only an order heavier than the whole limit goes
 * when the gateway is empty, or it would never go. A gateway without a WIP limit skips that check. Workload
 * norms, shared by the group, are checked after it on every area of an order's routing: an order that
 * would take one past its norm waits and the next is considered, as in workload control's periodic
 * release; with starvation release on, a gateway with nothing in process still takes the best of those.
 * With `options.starvedAreaId`, the cycle is the starvation trigger instead (see CycleOptions).
 */
export function planGroupReleaseCycle(pool: readonly PoolOrder[], gateways: readonly CycleArea[], rules: CycleRules, now: Date, options: CycleOptions = {}): CyclePlan {
  const scored: (Rankable & { order: PoolOrder; facts: PriorityFacts })[] = new Array(pool.length);
  for (let i = 0; i < pool.length; i++) {
    const order = pool[i]!;
    const facts = priorityFacts(order, now);
    const score = rules.score ? rules.score(facts) : 0;
    scored[i] = { order, facts, id: order.id, score, key: rules.rank ? rules.rank(facts, score) : 0, due: order.dueAt.getTime(), queued: order.queuedAt.getTime() };
  }
  scored.sort(compareRanked);

  const states = new Map<string, Gateway>(gateways.map((area) => [area.id, { area, usedAfter: area.used, released: 0, blockedReason: null, heldByNorm: null }]));
  const only = gateways.length === 1 ? states.get(gateways[0]!.id)! : null;
  const gatewayOf = (order: PoolOrder): Gateway => {
    const state = order.gatewayId === undefined ? only : states.get(order.gatewayId);
    if (!state) throw new Error(`Order ${order.id} enters by ${order.gatewayId ?? 'no gateway'}, which is not one of the cycle's gateways.`);
    return state;
  };
  const norms = options.norms ?? new Map<string, NormedArea>();
  const loads = new Map([...norms].map(([id, n]) => [id, n.loadHours]));
  const starvedAreaId = options.starvedAreaId;
  const plan: CyclePlan = { released: [], escalated: [], waited: [], usedAfter: 0, usedAfterByGateway: {}, loadsAfter: {}, ranking: new Array(scored.length) };
  const notStarting = starvedAreaId === undefined ? '' : `Its routing does not start at ${starvedAreaId}, which starved.`;
  const oneOnly = starvedAreaId === undefined ? '' : `Only one order is released when ${starvedAreaId} starves.`;
  const wait = (orderId: string, rank: number, score: number, reason: string) => plan.waited.push({ orderId, rank, score, reason });
  for (let i = 0; i < scored.length; i++) {
    const { order, facts, score } = scored[i]!;
    const rank = i + 1;
    const gateway = only ?? gatewayOf(order);
    const area = gateway.area;
    const weight = area.unit === 'units' ? order.units : 1;
    const releaseFacts = releaseFactsOf(order, facts, score, area, { wip: gateway.usedAfter, queueLength: pool.length - plan.released.length });
    plan.ranking[i] = { order, gatewayId: area.id, releaseFacts };
    const chosen: { type: string; params: Record<string, unknown> } = rules.decide?.(releaseFacts).chosen ?? RELEASE;
    const limit = area.wipLimit;
    if (chosen.type === 'escalate' && order.escalated) wait(order.id, rank, score, 'Escalated already: waits for a person.');
    else if (chosen.type === 'escalate') plan.escalated.push({ orderId: order.id, rank, score, gatewayId: area.id, reason: String(chosen.params.reason), role: chosen.params.role as Role });
    else if (chosen.type === 'wait') wait(order.id, rank, score, String(chosen.params.reason));
    else if (area.status !== 'open') wait(order.id, rank, score, CLOSED[area.status]);
    else if (!area.inShift) wait(order.id, rank, score, 'The work area is outside its shift hours.');
    else if (starvedAreaId !== undefined && startArea(order, area.id) !== starvedAreaId) wait(order.id, rank, score, notStarting);
    else if (starvedAreaId !== undefined && plan.released.length > 0) wait(order.id, rank, score, oneOnly);
    else if (gateway.blockedReason) wait(order.id, rank, score, gateway.blockedReason);
    else if (limit === null || gateway.usedAfter + weight <= limit || gateway.usedAfter === 0) {
      const overNorm = starvedAreaId === undefined ? normProblem(order, norms, loads) : null;
      if (overNorm) {
        gateway.heldByNorm ??= { order, waitedAt: plan.waited.length, weight };
        wait(order.id, rank, score, overNorm);
        continue;
      }
      plan.released.push(starvedAreaId === undefined ? { orderId: order.id, rank, score, gatewayId: area.id, weight } : { orderId: order.id, rank, score, gatewayId: area.id, weight, starved: true });
      gateway.usedAfter += weight;
      gateway.released += 1;
      addLoad(order, norms, loads);
    } else if (gateway.usedAfter >= limit) wait(order.id, rank, score, 'The work area is at its WIP limit.');
    else {
      gateway.blockedReason = `Ranked behind ${order.id}, which does not fit yet.`;
      wait(order.id, rank, score, `Needs ${weight} ${area.unit}; ${limit - gateway.usedAfter} free.`);
    }
  }
  // Taken from the end of `waited` first, so the positions recorded for earlier gateways stay right.
  const starving = [...states.values()].filter((g) => g.area.starvationRelease && g.area.used === 0 && g.released === 0 && g.heldByNorm);
  for (const gateway of starving.sort((a, b) => b.heldByNorm!.waitedAt - a.heldByNorm!.waitedAt)) {
    const held = gateway.heldByNorm!;
    const [starved] = plan.waited.splice(held.waitedAt, 1);
    plan.released.push({ orderId: starved!.orderId, rank: starved!.rank, score: starved!.score, gatewayId: gateway.area.id, weight: held.weight, starved: true });
    gateway.usedAfter += held.weight;
    addLoad(held.order, norms, loads);
  }
  for (const [id, gateway] of states) {
    plan.usedAfterByGateway[id] = gateway.usedAfter;
    plan.usedAfter += gateway.usedAfter;
  }
  plan.loadsAfter = Object.fromEntries(loads);
  return plan;
}

/**
 * The plan once the orders in `held` turn out not to be releasable after all (short of stock at release, in a
 * warehouse that reserves then): they wait with the reason given, and the capacity and load they were counted
 * for are given back, so the cycle's record says what was taken. Nothing else moves up into the room they
 * leave in this cycle: the next cycle, which a receipt or a finished order calls, fills it.
 */
export function withHeldBack(plan: CyclePlan, held: ReadonlyMap<string, string>, norms: ReadonlyMap<string, NormedArea> = new Map()): CyclePlan {
  if (held.size === 0) return plan;
  const usedAfterByGateway = { ...plan.usedAfterByGateway };
  const loads = new Map(Object.entries(plan.loadsAfter));
  const ordersById = new Map(plan.ranking.map((r) => [r.order.id, r.order]));
  const waited = [...plan.waited];
  for (const r of plan.released) {
    const reason = held.get(r.orderId);
    if (reason === undefined) continue;
    usedAfterByGateway[r.gatewayId] = usedAfterByGateway[r.gatewayId]! - r.weight;
    for (const op of ordersById.get(r.orderId)?.operations ?? []) {
      const norm = norms.get(op.workAreaId);
      if (norm) loads.set(op.workAreaId, loads.get(op.workAreaId)! - operationLoad(op, norm.correction));
    }
    waited.push({ orderId: r.orderId, rank: r.rank, score: r.score, reason });
  }
  return {
    ...plan,
    released: plan.released.filter((r) => !held.has(r.orderId)),
    waited: waited.sort((a, b) => a.rank - b.rank),
    usedAfterByGateway,
    usedAfter: Object.values(usedAfterByGateway).reduce((a, b) => a + b, 0),
    loadsAfter: Object.fromEntries(loads),
  };
}
