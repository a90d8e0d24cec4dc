import { describe, expect, it } from 'vitest';
import { planViolations } from './plan-violations.ts';
import type { SequencingProblem, SequencingStop, UnplannedReason } from './sequencing-problem.ts';
import { solveSequencing } from './solve.ts';

const stop = (id: string, x: number, extra: Partial<SequencingStop> = {}): SequencingStop => ({
  id, location: { x, y: 0 }, demand: 1, window: { start: 0, end: 1_000 }, serviceMinutes: 0, ...extra,
});
const vehicles = (...shiftEnds: number[]) => shiftEnds.map((shiftEnd, i) => ({ id: `v${i}`, capacity: 10, shiftStart: 0, shiftEnd }));

describe('each unplanned stop says why', () => {
  it.each<{ name: string; stops: SequencingStop[]; vehicles: SequencingProblem['vehicles']; expected: Record<string, UnplannedReason> }>([
    { name: 'more demand than any vehicle holds', stops: [stop('big', 5, { demand: 11 }), stop('ok', 5)], vehicles: vehicles(1_000, 1_000), expected: { big: 'capacity' } },
    { name: 'a window that closes before anyone can get there', stops: [stop('early', 50, { window: { start: 0, end: 40 } })], vehicles: vehicles(1_000), expected: { early: 'time_window' } },
    { name: 'reachable in its window, but not back before the shift ends', stops: [stop('late', 50, { window: { start: 0, end: 60 } })], vehicles: vehicles(90), expected: { late: 'shift_end' } },
    {
      name: 'fits an empty vehicle, but the only one is busy at that time',
      stops: [stop('east', 50, { window: { start: 50, end: 50 } }), stop('west', -50, { window: { start: 50, end: 50 } })],
      vehicles: vehicles(1_000), expected: { west: 'no_vehicle_left' },
    },
    {
      name: 'a drop-off pinned ahead of its unpinned pickup',
      stops: [stop('drop', 10, { pair: { id: 'p', role: 'dropoff' }, pin: { vehicleId: 'v0', position: 0 } }), stop('pick', 20, { pair: { id: 'p', role: 'pickup' } })],
      vehicles: vehicles(1_000), expected: { drop: 'pair', pick: 'pair' },
    },
    {
      name: 'a pinned stop that is late at its place, and the pinned stop after it',
      stops: [
        stop('first', 100, { pin: { vehicleId: 'v0', position: 0 } }),
        stop('second', 90, { window: { start: 0, end: 50 }, pin: { vehicleId: 'v0', position: 1 } }),
        stop('third', 80, { pin: { vehicleId: 'v0', position: 2 } }),
      ],
      vehicles: vehicles(1_000), expected: { second: 'time_window', third: 'pin' },
    },
  ])('$name', ({ stops, vehicles: fleet, expected }) => {
    const problem: SequencingProblem = { depot: { x: 0, y: 0 }, vehicles: fleet, stops };
    const plan = solveSequencing(problem, { iterations: 10 });
    expect(planViolations(problem, plan)).toEqual([]);
    expect(Object.fromEntries(plan.unplanned.map((u) => [u.stopId, u.reason]))).toEqual(expected);
    for (const u of plan.unplanned) expect(u.message.length).toBeGreaterThan(20);
  });
});
