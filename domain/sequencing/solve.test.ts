import { describe, expect, it } from 'vitest';
import { randomSequencingProblem } from '../../test/random-sequencing-problem.ts';
import { planViolations, simulateRoute } from './plan-violations.ts';
import type { SequencingProblem, SequencingStop } from './sequencing-problem.ts';
import { solveSequencing } from './solve.ts';

const stop = (id: string, x: number, y: number, extra: Partial<SequencingStop> = {}): SequencingStop => ({
  id, location: { x, y }, demand: 1, window: { start: 0, end: 1_000 }, serviceMinutes: 0, ...extra,
});
const vehicle = (id: string, capacity = 100, shiftEnd = 1_000) => ({ id, capacity, shiftStart: 0, shiftEnd });
const depot = { x: 0, y: 0 };

/** The best plan by exhaustive search: every subset of stops, every way to lay it out over the vehicles. */
function bruteForceOptimum(problem: SequencingProblem): [number, number, number] {
  const ids = problem.stops.map((s) => s.id);
  let best: [number, number, number] = [ids.length, 0, 0];
  const better = (a: [number, number, number], b: [number, number, number]) =>
    a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2] - 1e-9;
  const routes: string[][] = problem.vehicles.map(() => []);
  const place = (i: number, unplanned: number) => {
    if (i === ids.length) {
      if (!routes.every((r, v) => r.length === 0 || simulateRoute(problem, problem.vehicles[v]!.id, r).violations.length === 0)) return;
      const used = routes.filter((r) => r.length > 0);
      const distance = routes.reduce((sum, r, v) => sum + (r.length ? simulateRoute(problem, problem.vehicles[v]!.id, r).distance : 0), 0);
      const key: [number, number, number] = [unplanned, used.length, distance];
      if (better(key, best)) best = key;
      return;
    }
    place(i + 1, unplanned + 1);
    for (const route of routes)
      for (let at = 0; at <= route.length; at++) {
        route.splice(at, 0, ids[i]!);
        place(i + 1, unplanned);
        route.splice(at, 1);
      }
  };
  place(0, 0);
  return best;
}

describe('tiny instances with a known optimum', () => {
  it.each([
    { name: 'one stop: there and back', stops: [stop('a', 3, 4)], vehicles: [vehicle('v')], expected: [0, 1, 10] },
    {
      name: 'a square: its perimeter', stops: [stop('a', 0, 10), stop('b', 10, 10), stop('c', 10, 0)],
      vehicles: [vehicle('v1'), vehicle('v2')], expected: [0, 1, 40],
    },
    {
      name: 'capacity splits opposite stops over two vehicles', stops: [stop('a', 10, 0, { demand: 6 }), stop('b', -10, 0, { demand: 6 })],
      vehicles: [vehicle('v1', 10), vehicle('v2', 10)], expected: [0, 2, 40],
    },
    {
      name: 'windows force the far stop first',
      stops: [stop('near', 5, 0, { window: { start: 30, end: 40 } }), stop('far', 20, 0, { window: { start: 0, end: 20 } })],
      vehicles: [vehicle('v')], expected: [0, 1, 40],
    },
    {
      name: 'a pickup before its drop-off, on the way out',
      stops: [stop('drop', 20, 0, { pair: { id: 'p', role: 'dropoff' } }), stop('pick', 10, 0, { pair: { id: 'p', role: 'pickup' } })],
      vehicles: [vehicle('v')], expected: [0, 1, 40],
    },
    {
      name: 'a limit of one request a route splits two pairs over two vehicles, though both fit on board',
      stops: [
        stop('pick1', 10, 0, { pair: { id: 'p1', role: 'pickup' } }), stop('drop1', 20, 0, { pair: { id: 'p1', role: 'dropoff' } }),
        stop('pick2', -10, 0, { pair: { id: 'p2', role: 'pickup' } }), stop('drop2', -20, 0, { pair: { id: 'p2', role: 'dropoff' } }),
      ],
      vehicles: [{ ...vehicle('v1'), maxRequests: 1 }, { ...vehicle('v2'), maxRequests: 1 }], expected: [0, 2, 80],
    },
  ])('$name', ({ stops, vehicles, expected }) => {
    const problem: SequencingProblem = { depot, vehicles, stops };
    const plan = solveSequencing(problem, { iterations: 20 });
    expect(planViolations(problem, plan)).toEqual([]);
    expect([plan.unplanned.length, plan.vehiclesUsed]).toEqual(expected.slice(0, 2));
    expect(plan.totalDistance).toBeCloseTo(expected[2]!, 6);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('matches exhaustive search on random instance %i (6 stops, 2 vehicles)', (seed) => {
    const problem = randomSequencingProblem(seed, { stops: 6, vehicles: 2, horizon: 300 });
    const plan = solveSequencing(problem, { iterations: 50, seed });
    expect(planViolations(problem, plan)).toEqual([]);
    const [unplanned, vehicles, distance] = bruteForceOptimum(problem);
    expect([plan.unplanned.length, plan.vehiclesUsed]).toEqual([unplanned, vehicles]);
    expect(plan.totalDistance).toBeCloseTo(distance, 6);
  });
});

describe('every plan on random instances passes the independent checker', () => {
  const shapes = [
    { stops: 30, vehicles: 4 },
    { stops: 40, vehicles: 3, pairShare: 0.5 },
    { stops: 40, vehicles: 6, pairShare: 0.3, pinned: 3 },
    { stops: 60, vehicles: 2, pairShare: 0.2, pinned: 2 },
  ];
  it.each(shapes.flatMap((shape) => [11, 12, 13, 14, 15].map((seed) => ({ seed, shape, name: `${seed} ${JSON.stringify(shape)}` }))))(
    'seed $name',
    ({ seed, shape }) => {
      const problem = randomSequencingProblem(seed, shape);
      const plan = solveSequencing(problem, { iterations: 15, seed });
      expect(planViolations(problem, plan)).toEqual([]);
    },
  );
});

describe('determinism', () => {
  it('gives the same plan for the same problem and seed', () => {
    const problem = randomSequencingProblem(99, { stops: 50, vehicles: 5, pairShare: 0.2, pinned: 2 });
    expect(solveSequencing(problem, { seed: 7, iterations: 30 })).toEqual(solveSequencing(problem, { seed: 7, iterations: 30 }));
  });

  it('stops its rounds at the time limit, read from the clock it is given', () => {
    const problem = randomSequencingProblem(98, { stops: 30, vehicles: 4 });
    let clock = 0;
    const ticking = () => (clock += 10);
    const limited = solveSequencing(problem, { seed: 3, iterations: 1_000, timeLimitMs: 5, now: ticking });
    expect(limited).toEqual(solveSequencing(problem, { seed: 3, iterations: 0 }));
  });
});

describe('pins and travel', () => {
  it('keeps pinned stops at the head of their vehicle, in their order, even where it costs distance', () => {
    const stops = [stop('a', 10, 0), stop('b', 20, 0), stop('c', 30, 0, { pin: { vehicleId: 'v2', position: 1 } }), stop('d', 1, 0, { pin: { vehicleId: 'v2', position: 0 } })];
    const problem: SequencingProblem = { depot, vehicles: [vehicle('v1'), vehicle('v2')], stops };
    const plan = solveSequencing(problem, { iterations: 10 });
    expect(planViolations(problem, plan)).toEqual([]);
    expect(plan.routes.find((r) => r.vehicleId === 'v2')!.stops.slice(0, 2).map((s) => s.stopId)).toEqual(['d', 'c']);
  });

  it('uses the distance and duration function it is given instead of straight lines', () => {
    const manhattan = (a: { x: number; y: number }, b: { x: number; y: number }) => {
      const d = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
      return { distance: d, duration: 2 * d };
    };
    const problem: SequencingProblem = { depot, vehicles: [vehicle('v', 100, 100)], stops: [stop('a', 10, 10)] };
    const plan = solveSequencing(problem, { travel: manhattan });
    expect(planViolations(problem, plan, manhattan)).toEqual([]);
    expect(plan.totalDistance).toBe(40);
    expect(plan.routes[0]!.returnTime).toBe(80);
  });
});
