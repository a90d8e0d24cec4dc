import { z } from 'zod';

/** A place on Earth in WGS 84 degrees, as GPS and every map library give it. */
export const geoPoint = z.strictObject({
  lat: z.number({ message: 'lat must be a number of degrees, e.g. 52.37' }).min(-90, 'lat is between -90 and 90').max(90, 'lat is between -90 and 90'),
  lng: z.number({ message: 'lng must be a number of degrees, e.g. 4.89' }).min(-180, 'lng is between -180 and 180').max(180, 'lng is between -180 and 180'),
});
export type GeoPoint = z.infer<typeof geoPoint>;

/** Enough vertices for a hand-drawn delivery zone or a city district from open data, and no more. */
export const MAX_RING_POINTS = 5_000;

// An array of two rather than a tuple: OpenAPI tools (Schemathesis among them) still misread a tuple's prefixItems.
const position = z
  .array(z.number().min(-180, 'a longitude is between -180 and 180').max(180, 'a longitude is between -180 and 180'))
  .length(2, 'a position is [longitude, latitude]')
  .refine(([, lat]) => lat! >= -90 && lat! <= 90, { message: 'a latitude is between -90 and 90', path: [1] });
const ring = z
  .array(position)
  .min(4, 'a polygon ring has at least 4 positions (the last repeats the first)')
  .max(MAX_RING_POINTS, `a polygon ring has at most ${MAX_RING_POINTS.toLocaleString('en')} positions`)
  .refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], 'a polygon ring ends where it starts');

/** A GeoJSON Polygon (RFC 7946): an outer ring, then holes; positions are [longitude, latitude]. */
export const geoPolygon = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(ring).min(1, 'a polygon has an outer ring').max(50, 'a polygon has at most 49 holes'),
});
export type GeoPolygon = z.infer<typeof geoPolygon>;

const EARTH_RADIUS_KM = 6_371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine): what a van drives is longer, and a road factor says by how much. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Even-odd ray casting on one ring; planar, which is exact enough at a city's scale. */
function inRing(point: GeoPoint, positions: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = positions.length - 1; i < positions.length; j = i++) {
    const [xi = 0, yi = 0] = positions[i]!;
    const [xj = 0, yj = 0] = positions[j]!;
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
export function inPolygon(point: GeoPoint, polygon: GeoPolygon): boolean {
  const [outer, ...holes] = polygon.coordinates;
  return inRing(point, outer!) && !holes.some((hole) => inRing(point, hole));
}
