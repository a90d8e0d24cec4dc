import { evaluateRoute } from './evaluate-route.ts';
import type { Instance } from './instance.ts';
import { relocate } from './relocate-move.ts';
import type { RouteState } from './route-state.ts';

/**
 * With vehicles that differ (shift, capacity), a request may only fit once two vehicles trade their
 * whole routes — a move no insertion or tail exchange makes, because it saves no distance. Tries each
 * trade (an unused vehicle included) that frees room for a left-over request. Returns what is still left.
 */
export function insertBySwappingVehicles(inst: Instance, routes: RouteState[], left: number[][]): number[][] {
  const still: number[][] = [];
  for (const request of left) if (!trySwaps(inst, routes, request)) still.push(request);
  return still;
}

function trySwaps(inst: Instance, routes: RouteState[], request: readonly number[]): boolean {
  const movable = routes.filter((r) => r.headLength === 0);
  for (let x = 0; x < movable.length; x++) {
    for (let y = x + 1; y < movable.length; y++) {
      const a = movable[x]!;
      const b = movable[y]!;
      if (a.empty && b.empty) continue;
      if (!evaluateRoute(inst, a.vehicle, b.nodes).ok || !evaluateRoute(inst, b.vehicle, a.nodes).ok) continue;
      const [nodesA, nodesB] = [a.nodes, b.nodes];
      a.set(nodesB);
      b.set(nodesA);
      const intoA = a.empty ? null : a.bestInsertion(request);
      const intoB = b.empty ? null : b.bestInsertion(request);
      const pick = [intoA && intoA.ok ? { route: a, ins: intoA.insertion } : null, intoB && intoB.ok ? { route: b, ins: intoB.insertion } : null]
        .filter((c) => c !== null)
        .sort((p, q) => p.ins.cost - q.ins.cost)[0];
      if (pick) {
        pick.route.set(pick.ins.nodes);
        return true;
      }
      a.set(nodesA);
      b.set(nodesB);
    }
  }
  return false;
}

const EPSILON = 1e-7;

const sameVehicle = (inst: Instance, a: number, b: number) => {
  const [p, q] = [inst.vehicles[a]!, inst.vehicles[b]!];
  return p.capacity === q.capacity && p.maxRequests === q.maxRequests && p.shiftStart === q.shiftStart && p.shiftEnd === q.shiftEnd;
};

/**
 * The same trade as an improvement: on another vehicle's shift a route may be reordered for less
 * distance. Keeps a trade only when relocating on the two traded routes then saves distance.
 */
export function improveBySwappingVehicles(inst: Instance, routes: RouteState[], order: (items: number[][]) => number[][]): boolean {
  const movable = routes.filter((r) => r.headLength === 0);
  let improved = false;
  for (let x = 0; x < movable.length; x++) {
    for (let y = x + 1; y < movable.length; y++) {
      const a = movable[x]!;
      const b = movable[y]!;
      if ((a.empty && b.empty) || sameVehicle(inst, a.vehicle, b.vehicle)) continue;
      if (!evaluateRoute(inst, a.vehicle, b.nodes).ok || !evaluateRoute(inst, b.vehicle, a.nodes).ok) continue;
      const [nodesA, nodesB, before] = [a.nodes, b.nodes, a.distance + b.distance];
      a.set(nodesB);
      b.set(nodesA);
      relocate(inst, [a, b], order);
      if (a.distance + b.distance < before - EPSILON) improved = true;
      else {
        a.set(nodesA);
        b.set(nodesB);
      }
    }
  }
  return improved;
}
