import type { DecisionOutcome } from '../domain/decision.ts';
import type { Role } from '../domain/roles.ts';
import type { WorkAreaStatus } from '../domain/work-area.ts';
import { priorityFacts, type PriorityFactsInput } from './priority-facts.ts';

/** An order waiting in an area's pool, as a release cycle reads it. */
export type PoolOrder = PriorityFactsInput & {
  id: string;
  queuedAt: Date;
  /** What the order weighs against a limit counted in units. */
  units: number;
};

/** The area as the cycle finds it. */
export interface CycleArea {
  status: WorkAreaStatus;
  inShift: boolean;
  /** Hour of the day in the area's time zone. */
  hourOfDay: number;
  unit: 'orders' | 'units';
  wipLimit: number;
  /** Capacity taken by work in process (and releases still on their way), in `unit`. */
  used: number;
}

export interface CycleRules {
  /** The effective priority score; without priority rules in force, every order scores 0. */
  score: ((facts: Record<string, unknown>) => number) | null;
  /** The release decision; without release rules in force, every order may be released. */
  decide: ((facts: Record<string, unknown>) => DecisionOutcome) | null;
}

export type Ranked = { orderId: string; rank: number; score: number };
export interface CyclePlan {
  released: (Ranked & { weight: number })[];
  escalated: (Ranked & { reason: string; role: Role })[];
  /** Every other order of the pool, with why it waits. */
  waited: (Ranked & { reason: string })[];
  usedAfter: number;
}

/** What ranks an order in its pool; times in epoch milliseconds, so sorting a large pool allocates nothing. */
export type Rankable = { id: string; score: number; due: number; queued: number };

/** Pool order: the higher effective priority first, then the earlier due time, then the earlier arrival. */
export function compareRanked(a: Rankable, b: Rankable): number {
  return b.score - a.score || a.due - b.due || a.queued - b.queued || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const CLOSED: Record<Exclude<WorkAreaStatus, 'open'>, string> = { paused: 'The work area is paused.', stopped: 'The work area is stopped.' };

/**
 * One release cycle of one area, decided without I/O: rank the pool by effective priority (ties: the
 * earlier due time, then the earlier arrival), ask the release rules about every order in rank order, and
 * release those the rules let go while they fit the capacity. The capacity is the invariant, not the rules:
 * a ruleset without an "area full" rule still cannot release past the limit. Ranking is strict: once an
 * order does not fit, lighter orders behind it wait too; only an order heavier than the whole limit goes
 * when the area is empty, or it would never go.
 */
export function planReleaseCycle(pool: readonly PoolOrder[], area: CycleArea, rules: CycleRules, now: Date): CyclePlan {
  const scored = pool.map((order) => {
    const facts = priorityFacts(order, now);
    return { order, facts, id: order.id, score: rules.score ? rules.score(facts) : 0, due: order.dueAt.getTime(), queued: order.queuedAt.getTime() };
  });
  scored.sort(compareRanked);

  const plan: CyclePlan = { released: [], escalated: [], waited: [], usedAfter: area.used };
  let blockedBy: string | null = null;
  for (const [i, { order, facts, score }] of scored.entries()) {
    const ranked = { orderId: order.id, rank: i + 1, score };
    const weight = area.unit === 'units' ? order.units : 1;
    const releaseFacts = {
      kind: facts.kind,
      slackHours: facts.slackHours,
      dueAt: facts.dueAt,
      priorityScore: score,
      areaStatus: area.status,
      areaWip: plan.usedAfter,
      areaWipLimit: area.wipLimit,
      areaQueueLength: pool.length - plan.released.length,
      inShift: area.inShift,
      hourOfDay: area.hourOfDay,
    };
    const chosen: { type: string; params: Record<string, unknown> } = rules.decide?.(releaseFacts).chosen ?? { type: 'release', params: {} };
    if (chosen.type === 'escalate') plan.escalated.push({ ...ranked, reason: String(chosen.params.reason), role: chosen.params.role as Role });
    else if (chosen.type === 'wait') plan.waited.push({ ...ranked, reason: String(chosen.params.reason) });
    else if (area.status !== 'open') plan.waited.push({ ...ranked, reason: CLOSED[area.status] });
    else if (!area.inShift) plan.waited.push({ ...ranked, reason: 'The work area is outside its shift hours.' });
    else if (blockedBy) plan.waited.push({ ...ranked, reason: `Ranked behind ${blockedBy}, which does not fit yet.` });
    else if (plan.usedAfter + weight <= area.wipLimit || plan.usedAfter === 0) {
      plan.released.push({ ...ranked, weight });
      plan.usedAfter += weight;
    } else if (plan.usedAfter >= area.wipLimit) plan.waited.push({ ...ranked, reason: 'The work area is at its WIP limit.' });
    else {
      blockedBy = order.id;
      plan.waited.push({ ...ranked, reason: `Needs ${weight} ${area.unit}; ${area.wipLimit - plan.usedAfter} free.` });
    }
  }
  return plan;
}
