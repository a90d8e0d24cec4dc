import type { Instance } from './instance.ts';
import type { RouteState } from './route-state.ts';

/**
 * Regret-2 insertion (Potvin & Rousseau 1993): repeatedly place the request whose best and second-best
 * routes differ most, cheapest position first. Routes are only opened when no open route takes any
 * request left, in the order of the vehicle list, seeded with the request farthest from the depot
 * (Solomon's seed rule) — so vehicles are spent sparingly. Returns the requests it could not place.
 *
 * `noise` scales each insertion cost by a factor in [1 − noise, 1 + noise] drawn from `random`, which
 * is how repeated runs explore other plans while the same seed gives the same plan.
 */
export function regretInsertion(
  inst: Instance,
  routes: RouteState[],
  pending: number[][],
  random: () => number,
  noise: number,
): number[][] {
  const left = [...pending];
  const costs = new Map<RouteState, Float64Array>();
  const jitter = left.map(() => 1 + noise * (2 * random() - 1));
  const placed = new Uint8Array(left.length);
  const price = (route: RouteState) => {
    const row = new Float64Array(left.length).fill(Infinity);
    left.forEach((request, q) => {
      if (placed[q]) return;
      const r = route.bestInsertion(request);
      if (r.ok) row[q] = r.insertion.cost * jitter[q]!;
    });
    costs.set(route, row);
  };
  for (const route of routes) if (!route.empty) price(route);

  let remaining = left.length;
  while (remaining > 0) {
    let pick = -1;
    let pickRoute: RouteState | null = null;
    let pickRegret = -Infinity;
    for (let q = 0; q < left.length; q++) {
      if (placed[q]) continue;
      let best = Infinity;
      let second = Infinity;
      let bestRoute: RouteState | null = null;
      for (const [route, row] of costs) {
        const c = row[q]!;
        if (c < best) {
          second = best;
          best = c;
          bestRoute = route;
        } else if (c < second) second = c;
      }
      if (!bestRoute) continue;
      const regret = (second === Infinity ? 1e12 : second) - best;
      if (regret > pickRegret) {
        pickRegret = regret;
        pick = q;
        pickRoute = bestRoute;
      }
    }
    if (pickRoute) {
      const r = pickRoute.bestInsertion(left[pick]!);
      if (!r.ok) throw new Error('A priced insertion stopped fitting its route.');
      pickRoute.set(r.insertion.nodes);
      placed[pick] = 1;
      remaining--;
      price(pickRoute);
      continue;
    }
    if (!openRoute(inst, routes, left, placed, costs, price)) break;
    remaining = left.length - placed.reduce((a, b) => a + b, 0);
  }
  return left.filter((_, q) => !placed[q]);
}

function openRoute(
  inst: Instance,
  routes: RouteState[],
  left: number[][],
  placed: Uint8Array,
  costs: Map<RouteState, Float64Array>,
  price: (route: RouteState) => void,
): boolean {
  const order = left.map((_, q) => q).filter((q) => !placed[q]);
  const far = (q: number) => inst.dist[left[q]![0]!]!;
  order.sort((a, b) => far(b) - far(a) || a - b);
  for (const route of routes) {
    if (!route.empty || costs.has(route)) continue;
    for (const q of order) {
      const r = route.bestInsertion(left[q]!);
      if (!r.ok) continue;
      route.set(r.insertion.nodes);
      placed[q] = 1;
      price(route);
      return true;
    }
    // No request fits this vehicle alone; remember it as tried so it is not asked again.
    costs.set(route, new Float64Array(left.length).fill(Infinity));
  }
  return false;
}
