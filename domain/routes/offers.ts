import { distanceKm, type GeoPoint } from '../geo.ts';
import type { OrderKind } from '../order.ts';
import type { RouteStop } from './route.ts';

/** What an order shows a route's stops: its kind, zone, account and where it is collected and delivered. */
export interface OfferCandidate {
  id: string;
  kind: OrderKind;
  zone: string | null;
  account: string;
  pickup: GeoPoint | null;
  dropoff: GeoPoint | null;
}

export interface StopMatch {
  stop: string;
  why: string;
}

const km = (d: number) => `${d.toFixed(1)} km`;

/**
 * Why `order` matches `stop`, or null. Every rule list that is not empty must include the order; with a radius,
 * its pickup or drop-off must lie within it (an order with no location cannot be placed, so it does not match).
 */
export function stopMatch(order: OfferCandidate, stop: RouteStop): StopMatch | null {
  if (stop.kinds.length > 0 && !stop.kinds.includes(order.kind)) return null;
  if (stop.zones.length > 0 && (order.zone === null || !stop.zones.includes(order.zone))) return null;
  if (stop.accounts.length > 0 && !stop.accounts.includes(order.account)) return null;
  const reasons = [
    stop.kinds.length > 0 ? `kind ${order.kind}` : null,
    stop.zones.length > 0 ? `zone ${order.zone}` : null,
    stop.accounts.length > 0 ? `account ${order.account}` : null,
  ].filter((r) => r !== null);
  if (stop.radiusKm !== null) {
    const near = [order.pickup && { what: 'pickup', d: distanceKm(order.pickup, stop.location) }, order.dropoff && { what: 'drop-off', d: distanceKm(order.dropoff, stop.location) }]
      .filter((n) => n !== null)
      .sort((a, b) => a.d - b.d)[0];
    if (!near || near.d > stop.radiusKm) return null;
    reasons.push(`${near.what} ${km(near.d)} away (within ${km(stop.radiusKm)})`);
  }
  return { stop: stop.name, why: reasons.length > 0 ? reasons.join(', ') : 'the stop serves every order' };
}

/** The first of the route's stops (in its order) that serves the order, or null when none does. */
export function routeMatch(order: OfferCandidate, stops: readonly RouteStop[]): StopMatch | null {
  for (const stop of stops) {
    const match = stopMatch(order, stop);
    if (match) return match;
  }
  return null;
}
