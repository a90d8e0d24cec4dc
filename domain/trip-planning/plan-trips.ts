import { solveSequencing } from '../sequencing/solve.ts';
import type { SequencingPlan } from '../sequencing/sequencing-problem.ts';
import { buildPlanningProblem, type PlanningInput, type PlanningProblem } from './planning-problem.ts';
import { roadTravel } from './road-travel.ts';
import { PLANNING_MESSAGES } from './unplanned-messages.ts';
import type { TripPlanProposal, UnplannedOrder } from './trip-plan.ts';

/** Rounds of improvement, and a cap on the time they take so a large preview answers within seconds. */
export const PLAN_ITERATIONS = 200;
export const PLAN_TIME_LIMIT_MS = 5_000;

const at = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const tenth = (x: number) => Math.round(x * 10) / 10;

/**
 * Proposes trips for a depot's orders and drivers: the sequencing problem built from them, solved, and read
 * back as each driver's stops with arrival times, distances and durations, and each unplanned order with why.
 */
export function planTrips(input: PlanningInput & { zone: string }, options: { seed?: number; timeLimitMs?: number; now?: () => number } = {}): TripPlanProposal {
  const built = buildPlanningProblem(input);
  const plan = built.problem
    ? solveSequencing(built.problem, { seed: options.seed ?? 1, iterations: PLAN_ITERATIONS, timeLimitMs: options.timeLimitMs ?? PLAN_TIME_LIMIT_MS, ...(options.now ? { now: options.now } : {}), travel: roadTravel })
    : null;
  return proposalOf(input, built, plan);
}

function proposalOf(input: PlanningInput & { zone: string }, built: PlanningProblem, plan: SequencingPlan | null): TripPlanProposal {
  const { now } = input;
  const isNew = (stopId: string) => !built.ahead.has(stopId);
  const trips = (plan?.routes ?? []).filter((route) => route.stops.some((s) => isNew(s.stopId))).map((route) => {
    const driver = built.drivers.get(route.vehicleId)!;
    return {
      driverId: driver.id,
      driverName: driver.name,
      stopsAhead: route.stops.length - route.stops.filter((s) => isNew(s.stopId)).length,
      stops: route.stops.filter((s) => isNew(s.stopId)).map((s) => {
        const { order, kind } = built.stops.get(s.stopId)!;
        return { orderId: order.id, reference: order.reference, kind, arrivalAt: at(now, s.serviceStart), dueAt: order.dueAt.toISOString(), late: now.getTime() + s.serviceStart * 60_000 > order.dueAt.getTime() };
      }),
      distanceKm: tenth(route.distance),
      durationMinutes: Math.round(route.duration),
      returnAt: at(now, route.returnTime),
    };
  });
  const context = (order: PlanningInput['orders'][number], roadKm: number) => ({ kind: order.kind, warehouse: input.warehouse, orderWarehouse: order.warehouse, roadKm });
  const unplanned: UnplannedOrder[] = built.ruledOut.map(({ order, reason, roadKm }) => ({ orderId: order.id, reference: order.reference, reason, message: PLANNING_MESSAGES[reason](context(order, roadKm)) }));
  const seen = new Set<string>();
  for (const u of (plan?.unplanned ?? []).filter((x) => isNew(x.stopId))) {
    const { order } = built.stops.get(u.stopId)!;
    // Both stops of a pair come back unplanned with one reason: the order is listed once.
    if (seen.has(order.id)) continue;
    seen.add(order.id);
    unplanned.push({ orderId: order.id, reference: order.reference, reason: u.reason, message: PLANNING_MESSAGES[u.reason](context(order, 0)) });
  }
  const planned = new Set(trips.flatMap((t) => t.stops.map((s) => s.orderId)));
  return {
    zone: input.zone,
    warehouse: input.warehouse,
    depot: input.depot,
    plannedAt: now.toISOString(),
    trips,
    unplanned,
    totals: {
      trips: trips.length,
      orders: planned.size,
      distanceKm: tenth(trips.reduce((sum, t) => sum + t.distanceKm, 0)),
      durationMinutes: trips.reduce((sum, t) => sum + t.durationMinutes, 0),
    },
    basis: input.orders.filter((o) => planned.has(o.id)).map((o) => ({ orderId: o.id, state: o.state, assignee: o.assignee })),
  };
}
