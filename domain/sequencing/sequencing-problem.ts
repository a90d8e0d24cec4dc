import { z } from 'zod';

/**
 * The input of the stop sequencer. Times are minutes on one timeline (e.g. minutes since midnight of
 * the plan's day) and distances any one unit; the solver never converts, so the caller chooses.
 */

const id = z.string().trim().min(1).max(80);
/** Two days of minutes either side of the plan's origin: far more than any shift, small enough to stay exact. */
const minute = z.number().finite().min(-2_880).max(5_760);
const coordinate = z.number().finite().min(-1e7).max(1e7);

export const point = z.strictObject({ x: coordinate, y: coordinate });
export type Point = z.infer<typeof point>;

export const timeWindow = z
  .strictObject({ start: minute, end: minute })
  .refine((w) => w.start <= w.end, 'A time window must start before it ends.');

export const sequencingVehicle = z
  .strictObject({
    id,
    /** Units the vehicle holds at once, in the same unit as every stop's demand. */
    capacity: z.number().int().min(0).max(1_000_000),
    /**
     * The most requests (unpaired stops and pairs) the vehicle takes on one route, however few are on
     * board at once: a driver who answers for every order from the start of the trip to its drop-off.
     */
    maxRequests: z.number().int().min(0).max(1_000_000).optional(),
    shiftStart: minute,
    /** The latest time the vehicle may be back at the depot. */
    shiftEnd: minute,
  })
  .refine((v) => v.shiftStart <= v.shiftEnd, 'A shift must start before it ends.');
export type SequencingVehicle = z.infer<typeof sequencingVehicle>;

export const PAIR_ROLES = ['pickup', 'dropoff'] as const;

export const sequencingStop = z.strictObject({
  id,
  location: point,
  /**
   * Units the stop moves. A stop without a pair is a delivery loaded at the depot; in a pair the
   * pickup loads it and the drop-off unloads it.
   */
  demand: z.number().int().min(0).max(1_000_000),
  window: timeWindow,
  serviceMinutes: z.number().finite().min(0).max(1_440),
  pair: z.strictObject({ id, role: z.enum(PAIR_ROLES) }).optional(),
  /** Fixed to a vehicle and a position in its route (0 = first stop). */
  pin: z.strictObject({ vehicleId: id, position: z.number().int().min(0).max(999) }).optional(),
});
export type SequencingStop = z.infer<typeof sequencingStop>;

export const sequencingProblem = z
  .strictObject({
    depot: point,
    vehicles: z.array(sequencingVehicle).min(1).max(500),
    stops: z.array(sequencingStop).max(5_000),
  })
  .superRefine((p, ctx) => {
    const stopIds = new Set<string>();
    for (const s of p.stops) {
      if (stopIds.has(s.id)) ctx.addIssue({ code: 'custom', message: `Stop ${s.id} appears twice.` });
      stopIds.add(s.id);
    }
    const vehicleIds = new Set(p.vehicles.map((v) => v.id));
    if (vehicleIds.size !== p.vehicles.length) ctx.addIssue({ code: 'custom', message: 'Each vehicle needs its own id.' });
    const roles = new Map<string, string[]>();
    for (const s of p.stops) if (s.pair) roles.set(s.pair.id, [...(roles.get(s.pair.id) ?? []), s.pair.role]);
    for (const [pairId, r] of roles) {
      if (r.length !== 2 || !r.includes('pickup') || !r.includes('dropoff'))
        ctx.addIssue({ code: 'custom', message: `Pair ${pairId} needs exactly one pickup and one drop-off.` });
    }
    const pins = new Map<string, number[]>();
    for (const s of p.stops) {
      if (!s.pin) continue;
      if (!vehicleIds.has(s.pin.vehicleId))
        ctx.addIssue({ code: 'custom', message: `Stop ${s.id} is pinned to vehicle ${s.pin.vehicleId}, which is not in the plan.` });
      pins.set(s.pin.vehicleId, [...(pins.get(s.pin.vehicleId) ?? []), s.pin.position]);
    }
    // Pins fix the head of a route (the stops a driver does first), so their positions run 0, 1, 2, … with no gap.
    for (const [vehicleId, positions] of pins) {
      const sorted = [...positions].sort((a, b) => a - b);
      if (sorted.some((position, i) => position !== i))
        ctx.addIssue({ code: 'custom', message: `Stops pinned to ${vehicleId} must take positions 0, 1, 2, … without gaps or repeats.` });
    }
  });
export type SequencingProblem = z.infer<typeof sequencingProblem>;

export const UNPLANNED_REASONS = ['capacity', 'time_window', 'shift_end', 'pair', 'pin', 'no_vehicle_left'] as const;
export type UnplannedReason = (typeof UNPLANNED_REASONS)[number];

export interface PlannedStop {
  stopId: string;
  arrival: number;
  serviceStart: number;
  departure: number;
  /** Units on board when the vehicle leaves the stop. */
  load: number;
}

export interface PlannedRoute {
  vehicleId: string;
  stops: PlannedStop[];
  distance: number;
  /** From leaving the depot at shift start to being back. */
  duration: number;
  returnTime: number;
}

export interface UnplannedStop {
  stopId: string;
  reason: UnplannedReason;
  message: string;
}

export interface SequencingPlan {
  routes: PlannedRoute[];
  unplanned: UnplannedStop[];
  totalDistance: number;
  totalDuration: number;
  vehiclesUsed: number;
}
