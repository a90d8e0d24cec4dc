import { evaluateRoute } from './evaluate-route.ts';
import type { Instance } from './instance.ts';
import type { RouteState } from './route-state.ts';

const EPSILON = 1e-7;

/**
 * 2-opt* (Potvin & Rousseau 1995): swap the tails of two routes. The distance change is known from
 * four edges, so only cuts that save distance are checked in full. Returns whether anything moved.
 */
export function twoOptStar(inst: Instance, routes: RouteState[]): boolean {
  const { n, dist } = inst;
  let improved = false;
  for (let x = 0; x < routes.length; x++) {
    for (let y = x + 1; y < routes.length; y++) {
      const r1 = routes[x]!;
      const r2 = routes[y]!;
      if (r1.empty || r2.empty) continue;
      const a = r1.nodes;
      const b = r2.nodes;
      search: for (let i = r1.headLength; i <= a.length; i++) {
        for (let j = r2.headLength; j <= b.length; j++) {
          const a0 = i === 0 ? 0 : a[i - 1]!;
          const a1 = i === a.length ? 0 : a[i]!;
          const b0 = j === 0 ? 0 : b[j - 1]!;
          const b1 = j === b.length ? 0 : b[j]!;
          const delta = dist[a0 * n + b1]! + dist[b0 * n + a1]! - dist[a0 * n + a1]! - dist[b0 * n + b1]!;
          if (delta >= -EPSILON) continue;
          const na = [...a.slice(0, i), ...b.slice(j)];
          const nb = [...b.slice(0, j), ...a.slice(i)];
          if (!evaluateRoute(inst, r1.vehicle, na).ok || !evaluateRoute(inst, r2.vehicle, nb).ok) continue;
          r1.set(na);
          r2.set(nb);
          improved = true;
          break search;
        }
      }
    }
  }
  return improved;
}
