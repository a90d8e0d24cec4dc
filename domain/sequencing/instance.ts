import type { Point, SequencingProblem } from './sequencing-problem.ts';

/** Distance and driving minutes between two points; the default is straight-line, one unit a minute (as Solomon's benchmark). */
export type Travel = (from: Point, to: Point) => { distance: number; duration: number };

export const straightLine: Travel = (a, b) => {
  const d = Math.hypot(a.x - b.x, a.y - b.y);
  return { distance: d, duration: d };
};

/**
 * The problem as flat arrays the solver indexes: node 0 is the depot, node i + 1 is stop i. A
 * request is what moves as one: a single stop, or a pickup with its drop-off.
 */
export interface Instance {
  n: number;
  dist: Float64Array;
  time: Float64Array;
  demand: Int32Array;
  /** +1 pickup, −1 drop-off, 0 a delivery loaded at the depot. */
  role: Int8Array;
  /** For a pickup its drop-off node, for a drop-off its pickup, otherwise −1. */
  partner: Int32Array;
  readyAt: Float64Array;
  dueAt: Float64Array;
  service: Float64Array;
  /** `maxRequests` is Infinity for a vehicle without that limit. */
  vehicles: { capacity: number; maxRequests: number; shiftStart: number; shiftEnd: number }[];
  /** Per vehicle, the nodes pinned to the head of its route, in order. */
  pinnedHead: number[][];
  pinnedNode: Uint8Array;
  requests: number[][];
}

export function buildInstance(problem: SequencingProblem, travel: Travel = straightLine): Instance {
  const n = problem.stops.length + 1;
  const points = [problem.depot, ...problem.stops.map((s) => s.location)];
  const dist = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const t = travel(points[i]!, points[j]!);
      dist[i * n + j] = t.distance;
      time[i * n + j] = t.duration;
    }
  const demand = new Int32Array(n);
  const role = new Int8Array(n);
  const partner = new Int32Array(n).fill(-1);
  const readyAt = new Float64Array(n);
  const dueAt = new Float64Array(n);
  const service = new Float64Array(n);
  const pairNodes = new Map<string, number[]>();
  problem.stops.forEach((s, i) => {
    const node = i + 1;
    demand[node] = s.demand;
    readyAt[node] = s.window.start;
    dueAt[node] = s.window.end;
    service[node] = s.serviceMinutes;
    if (s.pair) {
      role[node] = s.pair.role === 'pickup' ? 1 : -1;
      pairNodes.set(s.pair.id, [...(pairNodes.get(s.pair.id) ?? []), node]);
    }
  });
  for (const [a, b] of pairNodes.values()) {
    partner[a!] = b!;
    partner[b!] = a!;
  }
  const vehicleIndex = new Map(problem.vehicles.map((v, i) => [v.id, i]));
  const pinnedHead: number[][] = problem.vehicles.map(() => []);
  const pinnedNode = new Uint8Array(n);
  problem.stops
    .map((s, i) => ({ pin: s.pin, node: i + 1 }))
    .filter((p) => p.pin !== undefined)
    .sort((a, b) => a.pin!.position - b.pin!.position)
    .forEach(({ pin, node }) => {
      pinnedHead[vehicleIndex.get(pin!.vehicleId)!]!.push(node);
      pinnedNode[node] = 1;
    });
  const requests: number[][] = [];
  for (let node = 1; node < n; node++) {
    if (pinnedNode[node]) continue;
    // Half of a pair whose other half is pinned moves alone; it still has to land on the pinned half's route.
    const alone = role[node] === 0 || pinnedNode[partner[node]!] === 1;
    if (alone) requests.push([node]);
    else if (role[node] === 1) requests.push([node, partner[node]!]);
  }
  return {
    n, dist, time, demand, role, partner, readyAt, dueAt, service,
    vehicles: problem.vehicles.map(({ capacity, maxRequests, shiftStart, shiftEnd }) => ({ capacity, maxRequests: maxRequests ?? Infinity, shiftStart, shiftEnd })),
    pinnedHead, pinnedNode, requests,
  };
}
