import type { GeoPoint, GeoPolygon } from '../../domain/geo.ts';
import type { OrderKind } from '../../domain/order.ts';
import { STOPS_FOR_KIND } from '../../domain/trips/trip.ts';
import { RandomStreams } from '../../sim/random-streams.ts';
import type { DEMO_ZONES } from './demo-operation.ts';

type DemoZone = (typeof DEMO_ZONES)[number];

/** The demo's city: three delivery zones stacked north to south around one depot, about 15 × 15 km of Rotterdam. */
export const DEMO_DEPOT: GeoPoint = { lat: 51.9225, lng: 4.4792 };

/** The site the demo's trips leave from (its delivery orders name no warehouse, so any site's plan takes them). */
export const DEMO_WAREHOUSE = 'DC-1';

export const DEMO_ZONE_COLOURS: readonly (readonly [DemoZone, string])[] = [
  ['north', '#1c7ed6'],
  ['central', '#e8590c'],
  ['south', '#2f9e44'],
];

/** Each zone's box: west, south, east, north (degrees). */
const BOXES: Record<DemoZone, readonly [number, number, number, number]> = {
  north: [4.4, 51.935, 4.56, 51.99],
  central: [4.4, 51.905, 4.56, 51.935],
  south: [4.4, 51.85, 4.56, 51.905],
};

export function demoZoneShape(zone: DemoZone): GeoPolygon {
  const [w, s, e, n] = BOXES[zone];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

/**
 * A place in the zone drawn from its own stream, keyed by the order's reference, so adding places to the demo
 * left every other draw (kinds, due times, intents) as it was, and an order keeps its address across runs.
 */
function placeIn(zone: DemoZone, key: string): GeoPoint {
  const uniform = new RandomStreams(0, 0).stream(`place:${key}`);
  const [w, s, e, n] = BOXES[zone];
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return { lat: round(s + uniform() * (n - s)), lng: round(w + uniform() * (e - w)) };
}

/** The points a delivery kind's stops need: a pickup at the customer's, a drop-off at the recipient's. */
export function demoStops(kind: OrderKind, zone: DemoZone, reference: string): { pickupLocation?: GeoPoint; dropoffLocation?: GeoPoint } {
  const stops = STOPS_FOR_KIND[kind] ?? [];
  return {
    ...(stops.includes('pickup') ? { pickupLocation: placeIn(zone, `${reference}/pickup`) } : {}),
    ...(stops.includes('dropoff') ? { dropoffLocation: placeIn(zone, `${reference}/dropoff`) } : {}),
  };
}
