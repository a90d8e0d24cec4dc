import type { Instance } from './instance.ts';
import type { UnplannedReason } from './sequencing-problem.ts';

export type RouteCheck = { ok: true; distance: number; returnTime: number } | { ok: false; violation: UnplannedReason };

/** Units loaded at the depot: every unpaired delivery on the route. */
export function depotLoad(inst: Instance, nodes: readonly number[]): number {
  let load = 0;
  for (const node of nodes) if (inst.role[node] === 0) load += inst.demand[node]!;
  return load;
}

/** Requests on a route: each unpaired stop, and each pair once, at its pickup (a drop-off is never on a route without it). */
export function requestCount(inst: Instance, nodes: readonly number[]): number {
  let count = 0;
  for (const node of nodes) if (inst.role[node] !== -1) count++;
  return count;
}

/**
 * Whether a route (stop nodes, depot implied at both ends) is one the vehicle can drive, and what it
 * costs. The reference every move is finally checked against; the quick checks in route-state only
 * avoid calling it for moves that cannot work. A pinned pickup may stay on board: it is done
 * whatever the plan, and its drop-off, if planned, must follow it on the same route.
 */
export function evaluateRoute(inst: Instance, vehicle: number, nodes: readonly number[]): RouteCheck {
  const v = inst.vehicles[vehicle]!;
  const head = inst.pinnedHead[vehicle]!;
  for (let i = 0; i < head.length; i++) if (nodes[i] !== head[i]) return { ok: false, violation: 'pin' };
  const { n, dist, time } = inst;
  let load = depotLoad(inst, nodes);
  if (load > v.capacity || requestCount(inst, nodes) > v.maxRequests) return { ok: false, violation: 'capacity' };
  let t = v.shiftStart;
  let distance = 0;
  let prev = 0;
  const onBoard = new Set<number>();
  for (const node of nodes) {
    if (inst.pinnedNode[node] && !head.includes(node)) return { ok: false, violation: 'pin' };
    t = Math.max(t + time[prev * n + node]!, inst.readyAt[node]!);
    distance += dist[prev * n + node]!;
    if (t > inst.dueAt[node]!) return { ok: false, violation: 'time_window' };
    t += inst.service[node]!;
    if (inst.role[node] === 1) {
      load += inst.demand[node]!;
      onBoard.add(node);
    } else {
      load -= inst.demand[node]!;
      if (inst.role[node] === -1 && !onBoard.delete(inst.partner[node]!)) return { ok: false, violation: 'pair' };
    }
    if (load > v.capacity) return { ok: false, violation: 'capacity' };
    prev = node;
  }
  for (const pickup of onBoard) if (!inst.pinnedNode[pickup]) return { ok: false, violation: 'pair' };
  t += time[prev * n]!;
  distance += dist[prev * n]!;
  if (t > v.shiftEnd) return { ok: false, violation: 'shift_end' };
  return { ok: true, distance, returnTime: t };
}
