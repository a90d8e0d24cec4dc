import type { GeoPoint } from '../geo.ts';
import type { SequencingProblem, SequencingStop } from '../sequencing/sequencing-problem.ts';
import { STOPS_FOR_KIND, type StopKind } from '../trips/trip.ts';
import type { PlanningDriver, PlanningOrder, StopAhead } from './planning-order.ts';
import { pointOf, roadLeg, SERVICE_MINUTES } from './road-travel.ts';
import type { PlanningReason } from './trip-plan.ts';

/** The solver's timeline ends four days after the plan's start: due times and shifts beyond it are cut there. */
const HORIZON_MINUTES = 5_760;

export interface PlanningInput {
  warehouse: string;
  depot: GeoPoint;
  now: Date;
  orders: readonly PlanningOrder[];
  drivers: readonly PlanningDriver[];
}

export interface StopOf {
  order: PlanningOrder;
  kind: StopKind;
}

export interface PlanningProblem {
  /** Null when nothing is left to solve: no driver, or no order that could be planned. */
  problem: SequencingProblem | null;
  /** The solver's stop and vehicle ids back to orders and drivers. */
  stops: Map<string, StopOf>;
  /** The solver's ids of the stops drivers still have on their live trips: pinned first on their routes, not proposed again. */
  ahead: Set<string>;
  drivers: Map<string, PlanningDriver>;
  /** Orders ruled out before solving, each with its reason and the road kilometres from the depot (for the message). */
  ruledOut: { order: PlanningOrder; reason: PlanningReason; roadKm: number }[];
}

const minutesFrom = (now: Date, at: Date) => (at.getTime() - now.getTime()) / 60_000;
const clamp = (m: number) => Math.min(HORIZON_MINUTES, Math.max(0, m));

/** Where each of the order's stops is, in its kind's order (pickup first); null when one is missing. */
function placesOf(order: PlanningOrder): { kind: StopKind; at: GeoPoint }[] | null {
  const places = (STOPS_FOR_KIND[order.kind] ?? []).map((kind) => ({ kind, at: kind === 'pickup' ? order.pickupLocation : order.dropoffLocation }));
  return places.every((p) => p.at !== null) ? (places as { kind: StopKind; at: GeoPoint }[]) : null;
}

/** Orders of a driver's live trips with no location for a stop still to do: they take a place the solver cannot see. */
const unrouted = (ahead: readonly StopAhead[]) => new Set(ahead.filter((s) => s.at === null).map((s) => s.orderId)).size;

/**
 * A driver's stops still to do, pinned in their order to the head of the driver's route: new stops are
 * planned after them, in the time and room they leave. Their windows are open (they are promised already:
 * a late one is the dispatcher's to see on the trip, not a reason to plan nothing after it). A pickup and
 * its drop-off both still to do are a pair; a drop-off alone has its goods on board.
 */
function aheadStops(vehicleId: string, stopsAhead: readonly StopAhead[], firstIndex: number): SequencingStop[] {
  const located = stopsAhead.filter((s): s is StopAhead & { at: GeoPoint } => s.at !== null);
  const picked = new Set(located.filter((s) => s.kind === 'pickup').map((s) => s.orderId));
  const paired = new Set(located.filter((s) => s.kind === 'dropoff' && picked.has(s.orderId)).map((s) => s.orderId));
  const pairIds = new Map<string, string>();
  return located.map((s, position) => {
    const pairId = paired.has(s.orderId) ? (pairIds.get(s.orderId) ?? pairIds.set(s.orderId, `a${firstIndex + position}p`).get(s.orderId)!) : null;
    return {
      id: `a${firstIndex + position}`,
      location: pointOf(s.at),
      demand: 1,
      window: { start: 0, end: HORIZON_MINUTES },
      serviceMinutes: SERVICE_MINUTES,
      pin: { vehicleId, position },
      ...(pairId ? { pair: { id: pairId, role: s.kind } } : {}),
    };
  });
}

/**
 * The sequencing problem for a depot's orders and drivers, on a timeline of minutes from `now`. Each order is
 * one request of a vehicle's capacity (drivers' capacity counts the orders on a trip); a delivery or a pickup alone is one stop,
 * a pickup-and-delivery a pair. An order's stops must be served by its due time, unless even a driver going
 * straight there from the depot now would be late: such an order is planned as soon as it fits and shown late.
 * Orders without a location, of another warehouse, or too far for any shift are ruled out before solving.
 */
export function buildPlanningProblem(input: PlanningInput): PlanningProblem {
  const { now, depot } = input;
  const drivers = new Map(input.drivers.map((d, i) => [`v${i}`, d]));
  // A driver answers for each order from the start of the trip until its drop-off, as assignment counts them:
  // capacity limits the orders on a trip, whatever is on board at once, and their live trips' orders count.
  const vehicles = [...drivers].map(([id, d]) => ({ id, capacity: d.capacity, maxRequests: Math.max(0, d.capacity - unrouted(d.ahead)), shiftStart: 0, shiftEnd: clamp(minutesFrom(now, d.shiftEnd)) }));
  const longestShift = Math.max(0, ...vehicles.map((v) => v.shiftEnd));
  const stops = new Map<string, StopOf>();
  const sequencing: SequencingStop[] = [];
  const ruledOut: PlanningProblem['ruledOut'] = [];
  const ahead = new Set<string>();
  for (const [vehicleId, d] of drivers) for (const s of aheadStops(vehicleId, d.ahead, sequencing.length)) {
    ahead.add(s.id);
    sequencing.push(s);
  }

  for (const order of input.orders) {
    const places = placesOf(order);
    if (!places) {
      ruledOut.push({ order, reason: 'no_location', roadKm: 0 });
      continue;
    }
    if (order.warehouse !== null && order.warehouse !== input.warehouse) {
      ruledOut.push({ order, reason: 'other_warehouse', roadKm: 0 });
      continue;
    }
    const path = [depot, ...places.map((p) => p.at), depot];
    const legs = path.slice(1).map((to, i) => roadLeg(path[i]!, to));
    const roundTrip = legs.reduce((sum, l) => sum + l.duration, 0) + places.length * SERVICE_MINUTES;
    const roadKm = roadLeg(depot, places.at(-1)!.at).distance;
    if (vehicles.length === 0) {
      ruledOut.push({ order, reason: 'no_driver', roadKm });
      continue;
    }
    if (roundTrip > longestShift) {
      ruledOut.push({ order, reason: 'out_of_reach', roadKm });
      continue;
    }
    // Minutes to the last stop going straight there: when even that misses the due time, the window is left open.
    const soonest = roundTrip - legs.at(-1)!.duration;
    const due = minutesFrom(now, order.dueAt);
    const window = { start: 0, end: due >= soonest ? clamp(due) : HORIZON_MINUTES };
    const pairId = `p${sequencing.length}`;
    places.forEach((p) => {
      const id = `s${sequencing.length}`;
      stops.set(id, { order, kind: p.kind });
      sequencing.push({
        id,
        location: pointOf(p.at),
        demand: 1,
        window,
        serviceMinutes: SERVICE_MINUTES,
        ...(places.length === 2 ? { pair: { id: pairId, role: p.kind } } : {}),
      });
    });
  }
  const problem = vehicles.length > 0 && stops.size > 0 ? { depot: pointOf(depot), vehicles, stops: sequencing } : null;
  return { problem, stops, ahead, drivers, ruledOut };
}
