import type { Instance } from './instance.ts';
import { RouteState } from './route-state.ts';
import { UNPLANNED_REASONS, type SequencingProblem, type UnplannedReason, type UnplannedStop } from './sequencing-problem.ts';

const MESSAGES: Record<UnplannedReason, (stop: SequencingProblem['stops'][number]) => string> = {
  capacity: (s) => `No vehicle has room for its ${s.demand} units: plan it on a larger vehicle or split it.`,
  time_window: (s) =>
    `No vehicle can be there between ${s.window.start} and ${s.window.end}: widen the window or add a vehicle whose shift fits it.`,
  shift_end: () => 'Serving it would bring every vehicle back after its shift ends: extend a shift or add a vehicle.',
  pair: () => 'Its pickup and drop-off cannot be served in that order on one route (one of them is pinned or left out).',
  pin: () => 'Its pinned place cannot be kept: the stops pinned before it on that vehicle make it late or overloaded.',
  no_vehicle_left: () => 'It fits an empty vehicle, but none is left: every route is full around its time. Add a vehicle or widen its window.',
};

export function unplannedStop(problem: SequencingProblem, node: number, reason: UnplannedReason): UnplannedStop {
  const stop = problem.stops[node - 1]!;
  return { stopId: stop.id, reason, message: MESSAGES[reason](stop) };
}

const fullEverywhere = (planned: readonly RouteState[], request: readonly number[]) =>
  planned.length > 0 &&
  planned.every((route) => {
    const r = route.bestInsertion(request);
    return !r.ok && r.violation === 'capacity';
  });

/**
 * Why a request could not be planned: if some vehicle could serve it on its own (after its pinned
 * stops), the fleet ran out — for want of room when every planned route refuses it for capacity;
 * otherwise the constraint that ruled out most vehicles.
 */
export function diagnose(inst: Instance, request: readonly number[], planned: readonly RouteState[] = []): UnplannedReason {
  const counts = new Map<UnplannedReason, number>();
  for (let v = 0; v < inst.vehicles.length; v++) {
    const r = new RouteState(inst, v, [...inst.pinnedHead[v]!]).bestInsertion(request);
    if (r.ok) return fullEverywhere(planned, request) ? 'capacity' : 'no_vehicle_left';
    counts.set(r.violation, (counts.get(r.violation) ?? 0) + 1);
  }
  const rank = (reason: UnplannedReason) => UNPLANNED_REASONS.indexOf(reason);
  return [...counts].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0]![0];
}
