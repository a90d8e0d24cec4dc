import type { Instance } from './instance.ts';
import type { RouteState } from './route-state.ts';
import type { PlannedRoute, SequencingProblem } from './sequencing-problem.ts';

/** A route as the caller reads it: stop ids with arrival, service start, departure and load on leaving. */
export function plannedRoute(problem: SequencingProblem, inst: Instance, route: RouteState): PlannedRoute {
  const { n, time, dist } = inst;
  const vehicle = problem.vehicles[route.vehicle]!;
  let load = 0;
  for (const node of route.nodes) if (inst.role[node] === 0) load += inst.demand[node]!;
  let t = vehicle.shiftStart;
  let prev = 0;
  let distance = 0;
  const stops = route.nodes.map((node) => {
    const arrival = t + time[prev * n + node]!;
    const serviceStart = Math.max(arrival, inst.readyAt[node]!);
    const departure = serviceStart + inst.service[node]!;
    distance += dist[prev * n + node]!;
    load += inst.role[node] === 1 ? inst.demand[node]! : -inst.demand[node]!;
    t = departure;
    prev = node;
    return { stopId: problem.stops[node - 1]!.id, arrival, serviceStart, departure, load };
  });
  const returnTime = t + time[prev * n]!;
  distance += dist[prev * n]!;
  return { vehicleId: vehicle.id, stops, distance, duration: returnTime - vehicle.shiftStart, returnTime };
}
