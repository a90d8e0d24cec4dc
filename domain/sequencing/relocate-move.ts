import type { Instance } from './instance.ts';
import { movableRequests, without } from './route-requests.ts';
import { RouteState } from './route-state.ts';

const EPSILON = 1e-7;

/**
 * Relocate (and, within one route, or-opt): take a request out and put it back wherever it saves the
 * most distance, on its own route or another. Returns whether anything moved.
 */
export function relocate(inst: Instance, routes: RouteState[], order: (items: number[][]) => number[][]): boolean {
  let improved = false;
  for (const from of routes) {
    for (const request of order(movableRequests(inst, from.nodes))) {
      if (!request.every((node) => from.nodes.includes(node))) continue;
      const reduced = new RouteState(inst, from.vehicle, without(from.nodes, request));
      const gain = from.distance - reduced.distance;
      let bestCost = gain - EPSILON;
      let best: { route: RouteState; nodes: number[] } | null = null;
      for (const to of routes) {
        if (to.empty) continue;
        const target = to === from ? reduced : to;
        const r = target.bestInsertion(request);
        if (r.ok && r.insertion.cost < bestCost) {
          bestCost = r.insertion.cost;
          best = { route: to, nodes: r.insertion.nodes };
        }
      }
      if (!best) continue;
      if (best.route !== from) from.set(reduced.nodes);
      best.route.set(best.nodes);
      improved = true;
    }
  }
  return improved;
}
