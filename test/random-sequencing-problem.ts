import type { SequencingProblem } from '../domain/sequencing/sequencing-problem.ts';
import { prng } from './prng.ts';

export interface RandomProblemShape {
  stops: number;
  vehicles: number;
  /** Share of stops that come as pickup → drop-off pairs. */
  pairShare?: number;
  /** Stops pinned to the head of the first vehicle's route. */
  pinned?: number;
  /** Minutes in the day the windows fall in. */
  horizon?: number;
}

/**
 * A seeded last-mile day on a 100 × 100 grid: windows of one to three hours, some pairs, some pins,
 * capacities and shifts tight enough that not every stop always fits — so reasons get exercised.
 */
export function randomSequencingProblem(seed: number, shape: RandomProblemShape): SequencingProblem {
  const random = prng(seed);
  const horizon = shape.horizon ?? 600;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const stops: SequencingProblem['stops'] = [];
  const pairCount = Math.floor((shape.stops * (shape.pairShare ?? 0)) / 2);
  const windowAt = () => {
    const start = between(0, horizon - 60);
    return { start, end: Math.min(horizon, start + between(60, 180)) };
  };
  const place = () => ({ x: between(0, 100), y: between(0, 100) });
  for (let p = 0; p < pairCount; p++) {
    const demand = between(1, 10);
    const pickupWindow = windowAt();
    stops.push({ id: `p${p}-pickup`, location: place(), demand, window: pickupWindow, serviceMinutes: 5, pair: { id: `p${p}`, role: 'pickup' } });
    stops.push({
      id: `p${p}-dropoff`, location: place(), demand,
      window: { start: pickupWindow.start, end: Math.min(horizon, pickupWindow.end + 120) },
      serviceMinutes: 5, pair: { id: `p${p}`, role: 'dropoff' },
    });
  }
  while (stops.length < shape.stops)
    stops.push({ id: `s${stops.length}`, location: place(), demand: between(1, 20), window: windowAt(), serviceMinutes: between(2, 10) });
  const vehicles = Array.from({ length: shape.vehicles }, (_, i) => ({
    id: `v${i}`, capacity: between(60, 120), shiftStart: between(0, 60), shiftEnd: horizon - between(0, 60),
  }));
  const pinnable = stops.filter((s) => !s.pair);
  for (let k = 0; k < Math.min(shape.pinned ?? 0, pinnable.length); k++) pinnable[k]!.pin = { vehicleId: 'v0', position: k };
  return { depot: { x: 50, y: 50 }, vehicles, stops };
}
