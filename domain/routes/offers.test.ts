import { describe, expect, it } from 'vitest';
import { routeMatch, stopMatch, type OfferCandidate } from './offers.ts';
import { routeStop, type RouteStop } from './route.ts';

const hub = { lat: 52.37, lng: 4.89 };
/** About 1.1 km north of the hub (0.01° of latitude). */
const near = { lat: 52.38, lng: 4.89 };
/** About 11 km north. */
const far = { lat: 52.47, lng: 4.89 };

const stop = (s: Partial<RouteStop> = {}): RouteStop => routeStop.parse({ name: 'Hub', location: hub, ...s });
const order = (o: Partial<OfferCandidate> = {}): OfferCandidate => ({ id: 'o-1', kind: 'delivery', zone: 'north', account: 'ACME', pickup: null, dropoff: null, ...o });

describe('which orders a route stop serves', () => {
  it.each([
    { name: 'no rules: every order', stop: {}, order: {}, why: 'the stop serves every order' },
    { name: 'the kind listed', stop: { kinds: ['delivery', 'pickup'] }, order: {}, why: 'kind delivery' },
    { name: 'a kind not listed', stop: { kinds: ['pickup'] }, order: {}, why: null },
    { name: 'the zone listed', stop: { zones: ['north'] }, order: {}, why: 'zone north' },
    { name: 'an order with no zone, zones listed', stop: { zones: ['north'] }, order: { zone: null }, why: null },
    { name: 'another account', stop: { accounts: ['GLOBEX'] }, order: {}, why: null },
    { name: 'every rule at once', stop: { kinds: ['delivery'], zones: ['north'], accounts: ['ACME'] }, order: {}, why: 'kind delivery, zone north, account ACME' },
    { name: 'a drop-off within the radius', stop: { radiusKm: 2 }, order: { dropoff: near }, why: 'drop-off 1.1 km away (within 2.0 km)' },
    { name: 'the nearer of pickup and drop-off', stop: { radiusKm: 2 }, order: { pickup: near, dropoff: far }, why: 'pickup 1.1 km away (within 2.0 km)' },
    { name: 'both beyond the radius', stop: { radiusKm: 2 }, order: { pickup: far, dropoff: far }, why: null },
    { name: 'no location, with a radius', stop: { radiusKm: 2 }, order: {}, why: null },
    { name: 'a rule fails though near', stop: { radiusKm: 2, accounts: ['GLOBEX'] }, order: { dropoff: near }, why: null },
  ] as const)('$name', ({ stop: s, order: o, why }) => {
    const match = stopMatch(order(o as Partial<OfferCandidate>), stop(s as Partial<RouteStop>));
    expect(match?.why ?? null).toBe(why);
  });

  it('takes the first stop of the route that serves the order', () => {
    const stops = [stop({ name: 'South', zones: ['south'] }), stop({ name: 'North A', zones: ['north'] }), stop({ name: 'North B' })];
    expect(routeMatch(order(), stops)).toEqual({ stop: 'North A', why: 'zone north' });
    expect(routeMatch(order({ zone: 'east' }), stops.slice(0, 2))).toBeNull();
  });

  it.each([
    { field: 'radiusKm', value: 0, message: 'a radius is more than 0 km' },
    { field: 'radiusKm', value: 101, message: 'at most 100 km' },
    { field: 'location', value: { lat: 91, lng: 0 }, message: 'lat is between -90 and 90' },
    { field: 'kinds', value: ['truck'], message: /Invalid option/ },
  ])('refuses a stop with $field $value', ({ field, value, message }) => {
    const result = routeStop.safeParse({ name: 'Hub', location: hub, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });
});
