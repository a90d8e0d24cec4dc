import type { Instance } from './instance.ts';
import { movableRequests, without } from './route-requests.ts';
import type { RouteState } from './route-state.ts';

/**
 * The "ruin" of ruin-and-recreate (Shaw 1998; Schrimpf et al. 2000): take out a seed request and the
 * requests most related to it (close in space and in time window), or, every other time, the whole
 * shortest route so recreate can try to do without that vehicle. Returns the requests taken out.
 */
export function ruin(inst: Instance, routes: RouteState[], random: () => number, share: number): number[][] {
  const all = routes.flatMap((route) => movableRequests(inst, route.nodes).map((request) => ({ route, request })));
  if (all.length === 0) return [];
  const taken: { route: RouteState; request: number[] }[] = [];
  const used = routes.filter((r) => !r.empty && r.headLength === 0);
  if (random() < 0.5 && used.length > 1) {
    const shortest = [...used].sort((a, b) => a.nodes.length - b.nodes.length || a.vehicle - b.vehicle)[0]!;
    taken.push(...all.filter((e) => e.route === shortest));
  }
  const seed = all[Math.floor(random() * all.length)]!;
  const count = Math.max(1, Math.round(all.length * share));
  const { n, dist, readyAt } = inst;
  const s = seed.request[0]!;
  const related = (node: number) => dist[s * n + node]! + Math.abs(readyAt[s]! - readyAt[node]!);
  const nearest = [...all].sort((a, b) => related(a.request[0]!) - related(b.request[0]!) || a.request[0]! - b.request[0]!);
  const limit = taken.length + count;
  for (const entry of nearest) {
    if (taken.length >= limit) break;
    if (!taken.includes(entry)) taken.push(entry);
  }
  for (const { route, request } of taken) route.set(without(route.nodes, request));
  return taken.map((e) => e.request);
}
