import { straightLine, type Travel } from './instance.ts';
import type { SequencingPlan, SequencingProblem } from './sequencing-problem.ts';

const TOLERANCE = 1e-6;

export interface RouteSimulation {
  distance: number;
  returnTime: number;
  times: { arrival: number; serviceStart: number; departure: number; load: number }[];
  violations: string[];
}

/**
 * Drives one vehicle through stops by id, from scratch: the plan checker's own account of a route,
 * written apart from the solver so that one cannot vouch for the other.
 */
export function simulateRoute(problem: SequencingProblem, vehicleId: string, stopIds: readonly string[], travel: Travel = straightLine): RouteSimulation {
  const vehicle = problem.vehicles.find((v) => v.id === vehicleId);
  const violations: string[] = [];
  if (!vehicle) return { distance: 0, returnTime: 0, times: [], violations: [`Vehicle ${vehicleId} is not in the problem.`] };
  const stops = stopIds.map((id) => problem.stops.find((s) => s.id === id)!);
  let load = stops.filter((s) => !s.pair).reduce((sum, s) => sum + s.demand, 0);
  if (load > vehicle.capacity) violations.push(`${vehicleId} leaves the depot with ${load} units over its capacity ${vehicle.capacity}.`);
  const requests = stops.filter((s) => s.pair?.role !== 'dropoff').length;
  if (vehicle.maxRequests !== undefined && requests > vehicle.maxRequests) violations.push(`${vehicleId} takes ${requests} requests, over its limit of ${vehicle.maxRequests}.`);
  let clock = vehicle.shiftStart;
  let at = problem.depot;
  let distance = 0;
  const times = stops.map((stop) => {
    const leg = travel(at, stop.location);
    distance += leg.distance;
    const arrival = clock + leg.duration;
    const serviceStart = Math.max(arrival, stop.window.start);
    if (serviceStart > stop.window.end + TOLERANCE) violations.push(`${vehicleId} starts ${stop.id} at ${serviceStart}, after its window closes at ${stop.window.end}.`);
    const departure = serviceStart + stop.serviceMinutes;
    load += stop.pair?.role === 'pickup' ? stop.demand : -stop.demand;
    if (load > vehicle.capacity) violations.push(`${vehicleId} carries ${load} units after ${stop.id}, over its capacity ${vehicle.capacity}.`);
    clock = departure;
    at = stop.location;
    return { arrival, serviceStart, departure, load };
  });
  const back = travel(at, problem.depot);
  distance += back.distance;
  const returnTime = clock + back.duration;
  if (returnTime > vehicle.shiftEnd + TOLERANCE) violations.push(`${vehicleId} is back at ${returnTime}, after its shift ends at ${vehicle.shiftEnd}.`);
  return { distance, returnTime, times, violations };
}

/** Everything wrong with a plan for a problem: an empty list means every constraint holds and every figure is right. */
export function planViolations(problem: SequencingProblem, plan: SequencingPlan, travel: Travel = straightLine): string[] {
  const violations: string[] = [];
  const where = new Map<string, { vehicleId: string; index: number }>();
  const seen = new Map<string, number>();
  const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
  const vehicles = new Set<string>();
  let distance = 0;
  for (const route of plan.routes) {
    if (vehicles.has(route.vehicleId)) violations.push(`Vehicle ${route.vehicleId} has two routes.`);
    vehicles.add(route.vehicleId);
    route.stops.forEach((s, index) => {
      count(s.stopId);
      where.set(s.stopId, { vehicleId: route.vehicleId, index });
    });
    const sim = simulateRoute(problem, route.vehicleId, route.stops.map((s) => s.stopId), travel);
    violations.push(...sim.violations);
    distance += sim.distance;
    if (Math.abs(sim.distance - route.distance) > TOLERANCE) violations.push(`${route.vehicleId} reports distance ${route.distance}, drives ${sim.distance}.`);
    if (Math.abs(sim.returnTime - route.returnTime) > TOLERANCE) violations.push(`${route.vehicleId} reports return ${route.returnTime}, is back at ${sim.returnTime}.`);
    route.stops.forEach((s, i) => {
      const t = sim.times[i]!;
      if (Math.abs(t.serviceStart - s.serviceStart) > TOLERANCE || Math.abs(t.arrival - s.arrival) > TOLERANCE || t.load !== s.load)
        violations.push(`${route.vehicleId} reports times or load at ${s.stopId} that its drive does not give.`);
    });
  }
  for (const u of plan.unplanned) count(u.stopId);
  for (const stop of problem.stops) {
    const times = seen.get(stop.id) ?? 0;
    if (times !== 1) violations.push(`Stop ${stop.id} appears ${times} times in the plan.`);
  }
  for (const stop of problem.stops) {
    const at = where.get(stop.id);
    if (stop.pin && at && (at.vehicleId !== stop.pin.vehicleId || at.index !== stop.pin.position))
      violations.push(`Stop ${stop.id} is pinned to ${stop.pin.vehicleId} #${stop.pin.position}, planned on ${at.vehicleId} #${at.index}.`);
    if (stop.pin && !at && problem.stops.some((s) => s.pin?.vehicleId === stop.pin!.vehicleId && s.pin.position > stop.pin!.position && where.has(s.id)))
      violations.push(`Stop ${stop.id} is left out, yet a stop pinned after it on ${stop.pin.vehicleId} is planned.`);
    if (stop.pair?.role !== 'pickup') continue;
    const dropoff = problem.stops.find((s) => s.pair?.id === stop.pair!.id && s.pair.role === 'dropoff')!;
    const drop = where.get(dropoff.id);
    if (drop && (!at || at.vehicleId !== drop.vehicleId || at.index > drop.index))
      violations.push(`Drop-off ${dropoff.id} is not after its pickup ${stop.id} on the same route.`);
    if (at && !drop && !stop.pin) violations.push(`Pickup ${stop.id} is planned without its drop-off ${dropoff.id}.`);
  }
  if (Math.abs(distance - plan.totalDistance) > TOLERANCE * Math.max(1, problem.stops.length))
    violations.push(`The plan reports ${plan.totalDistance} in all, its routes drive ${distance}.`);
  if (plan.vehiclesUsed !== plan.routes.length) violations.push('vehiclesUsed does not count the routes.');
  return violations;
}
