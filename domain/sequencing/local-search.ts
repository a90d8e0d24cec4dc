import type { Instance } from './instance.ts';
import { relocate } from './relocate-move.ts';
import type { RouteState } from './route-state.ts';
import { twoOptStar } from './two-opt-star-move.ts';
import { improveBySwappingVehicles } from './vehicle-swap.ts';

/** Bounds the descent on very large plans; each pass is already a full sweep of both neighbourhoods. */
const MAX_PASSES = 30;

/** Relocate, 2-opt* and vehicle trades until none finds a saving: every move keeps every route feasible. */
export function localSearch(inst: Instance, routes: RouteState[], order: (items: number[][]) => number[][]): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const relocated = relocate(inst, routes, order);
    const exchanged = twoOptStar(inst, routes);
    if (!improveBySwappingVehicles(inst, routes, order) && !relocated && !exchanged) return;
  }
}
