import { buildInstance, type Travel } from './instance.ts';
import { localSearch } from './local-search.ts';
import { trimPinnedHeads } from './pinned-heads.ts';
import { plannedRoute } from './plan-output.ts';
import { regretInsertion } from './regret-insertion.ts';
import { RouteState } from './route-state.ts';
import { ruin } from './ruin.ts';
import { seededRandom, shuffled } from './seeded-random.ts';
import type { SequencingPlan, SequencingProblem } from './sequencing-problem.ts';
import { diagnose, unplannedStop } from './unplanned-reasons.ts';
import { insertBySwappingVehicles } from './vehicle-swap.ts';

export interface SolveOptions {
  /** Same seed, same problem, same iterations: same plan. */
  seed?: number;
  /** Ruin-and-recreate rounds after the first plan. */
  iterations?: number;
  /** A cap on solving time; when it cuts the rounds short the plan depends on the machine's speed. */
  timeLimitMs?: number;
  /** The clock the time limit reads (milliseconds). */
  now?: () => number;
  travel?: Travel;
}

interface Candidate {
  nodes: number[][];
  unplanned: number[][];
  key: [number, number, number];
}

const RUIN_SHARE = { min: 0.05, max: 0.25 };
const RECREATE_NOISE = 0.1;

/**
 * Plans stops onto vehicles: regret insertion builds a first plan (trading whole routes between
 * vehicles when that frees room for a stop left over), relocate and 2-opt* improve it,
 * then rounds of ruin-and-recreate (remove related stops or a whole short route, reinsert, improve)
 * keep the best plan found — fewest unplanned stops, then fewest vehicles, then least distance.
 */
export function solveSequencing(problem: SequencingProblem, options: SolveOptions = {}): SequencingPlan {
  const inst = buildInstance(problem, options.travel);
  const random = seededRandom(options.seed ?? 1);
  const now = options.now ?? (() => performance.now());
  const deadline = options.timeLimitMs === undefined ? Infinity : now() + options.timeLimitMs;
  const droppedPins = trimPinnedHeads(inst);
  const routes = inst.vehicles.map((_, v) => new RouteState(inst, v, [...inst.pinnedHead[v]!]));
  const order = (items: number[][]) => shuffled(items, random);

  const left = insertBySwappingVehicles(inst, routes, regretInsertion(inst, routes, inst.requests, random, 0));
  localSearch(inst, routes, order);
  let current = snapshot(routes, left);
  let best = current;
  for (let round = 0; round < (options.iterations ?? 100) && now() < deadline; round++) {
    restore(routes, current);
    const share = RUIN_SHARE.min + random() * (RUIN_SHARE.max - RUIN_SHARE.min);
    const removed = ruin(inst, routes, random, share);
    const stillLeft = insertBySwappingVehicles(inst, routes, regretInsertion(inst, routes, [...current.unplanned, ...removed], random, RECREATE_NOISE));
    // Only the routes this round changed can have new savings; sweeping every route would cost as much again on large plans.
    const touched = routes.filter((route, v) => !sameNodes(route.nodes, current.nodes[v]!));
    localSearch(inst, touched, order);
    const candidate = snapshot(routes, stillLeft);
    if (better(candidate.key, current.key) || nearlyAsGood(candidate.key, best.key)) current = candidate;
    if (better(candidate.key, best.key)) best = candidate;
  }
  restore(routes, best);

  const planned = routes.filter((r) => !r.empty).map((r) => plannedRoute(problem, inst, r));
  const unplanned = [
    ...droppedPins.map(({ node, reason }) => unplannedStop(problem, node, reason)),
    ...best.unplanned.flatMap((request) => {
      const reason = diagnose(inst, request, routes);
      return request.map((node) => unplannedStop(problem, node, reason));
    }),
  ];
  return {
    routes: planned,
    unplanned,
    totalDistance: planned.reduce((sum, r) => sum + r.distance, 0),
    totalDuration: planned.reduce((sum, r) => sum + r.duration, 0),
    vehiclesUsed: planned.length,
  };
}

function snapshot(routes: RouteState[], unplanned: number[][]): Candidate {
  const stopsLeft = unplanned.reduce((sum, r) => sum + r.length, 0);
  const used = routes.filter((r) => !r.empty).length;
  const distance = routes.reduce((sum, r) => sum + (r.empty ? 0 : r.distance), 0);
  return { nodes: routes.map((r) => [...r.nodes]), unplanned: unplanned.map((r) => [...r]), key: [stopsLeft, used, distance] };
}

function sameNodes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

function restore(routes: RouteState[], candidate: Candidate): void {
  routes.forEach((route, v) => route.set([...candidate.nodes[v]!]));
}

function better(a: Candidate['key'], b: Candidate['key']): boolean {
  return a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2] - 1e-7;
}

/** Threshold acceptance: a plan as lean as the best and within 1 % of its distance may be walked through. */
function nearlyAsGood(a: Candidate['key'], b: Candidate['key']): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] <= b[2] * 1.01;
}
