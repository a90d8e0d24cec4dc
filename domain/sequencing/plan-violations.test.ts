import { describe, expect, it } from 'vitest';
import { planViolations } from './plan-violations.ts';
import type { SequencingPlan, SequencingProblem } from './sequencing-problem.ts';
import { solveSequencing } from './solve.ts';

// A checker that passes everything proves nothing: each row breaks a good plan one way and expects it caught.
const problem: SequencingProblem = {
  depot: { x: 0, y: 0 },
  vehicles: [
    { id: 'v1', capacity: 10, shiftStart: 0, shiftEnd: 200 },
    { id: 'v2', capacity: 10, shiftStart: 0, shiftEnd: 200 },
  ],
  stops: [
    { id: 'a', location: { x: 10, y: 0 }, demand: 4, window: { start: 0, end: 100 }, serviceMinutes: 0, pin: { vehicleId: 'v1', position: 0 } },
    { id: 'b', location: { x: 20, y: 0 }, demand: 4, window: { start: 0, end: 100 }, serviceMinutes: 0 },
    { id: 'pick', location: { x: 0, y: 10 }, demand: 2, window: { start: 0, end: 100 }, serviceMinutes: 0, pair: { id: 'p', role: 'pickup' } },
    { id: 'drop', location: { x: 0, y: 20 }, demand: 2, window: { start: 0, end: 100 }, serviceMinutes: 0, pair: { id: 'p', role: 'dropoff' } },
  ],
};

const good = solveSequencing(problem, { iterations: 10 });
const edit = (change: (plan: SequencingPlan) => void): SequencingPlan => {
  const plan = structuredClone(good);
  change(plan);
  return plan;
};
const routeWith = (plan: SequencingPlan, stopId: string) => plan.routes.find((r) => r.stops.some((s) => s.stopId === stopId))!;

describe('the plan checker', () => {
  it('passes the solver’s plan', () => {
    expect(planViolations(problem, good)).toEqual([]);
  });

  it.each<{ name: string; change: (plan: SequencingPlan) => void; caught: RegExp }>([
    { name: 'a stop left out', change: (p) => routeWith(p, 'b').stops.splice(routeWith(p, 'b').stops.findIndex((s) => s.stopId === 'b'), 1), caught: /b appears 0 times/ },
    { name: 'a stop planned and also reported unplanned', change: (p) => p.unplanned.push({ stopId: 'b', reason: 'capacity', message: '' }), caught: /b appears 2 times/ },
    { name: 'a drop-off before its pickup', change: (p) => routeWith(p, 'pick').stops.reverse(), caught: /Drop-off drop is not after its pickup|pinned/ },
    { name: 'a pinned stop moved', change: (p) => routeWith(p, 'a').stops.push(routeWith(p, 'a').stops.shift()!), caught: /pinned to v1 #0/ },
    { name: 'a false distance', change: (p) => (p.routes[0]!.distance += 1), caught: /reports distance/ },
    { name: 'a false arrival time', change: (p) => (p.routes[0]!.stops[0]!.serviceStart += 1), caught: /times or load/ },
  ])('catches $name', ({ change, caught }) => {
    expect(planViolations(problem, edit(change)).join('\n')).toMatch(caught);
  });

  it('catches a route back after its shift ends', () => {
    const short = structuredClone(problem);
    short.vehicles.forEach((v) => (v.shiftEnd = 1));
    expect(planViolations(short, good).join('\n')).toMatch(/after its shift ends/);
  });

  it('catches a capacity overrun and a closed window', () => {
    const tight = structuredClone(problem);
    tight.vehicles.forEach((v) => (v.capacity = 3));
    tight.stops.forEach((s) => (s.window.end = 5));
    const text = planViolations(tight, good).join('\n');
    expect(text).toMatch(/over its capacity/);
    expect(text).toMatch(/after its window closes/);
  });

  it('catches a route with more requests than its vehicle takes', () => {
    const limited = structuredClone(problem);
    limited.vehicles.forEach((v) => (v.maxRequests = 1));
    expect(planViolations(limited, good).join('\n')).toMatch(/requests, over its limit of 1/);
  });
});
