import { distanceKm, type GeoPoint } from '../geo.ts';
import type { Travel } from '../sequencing/instance.ts';
import type { Point } from '../sequencing/sequencing-problem.ts';

/**
 * Roads wind: a van drives about 1.3 times the great-circle distance in a city (the detour index measured
 * for urban road networks lies between 1.2 and 1.4). Without a road network this is the estimate.
 */
export const ROAD_FACTOR = 1.3;
/** A delivery van's average in town, stops for lights and traffic included. */
export const AVERAGE_SPEED_KMH = 30;
/** Minutes at each stop: parking, walking to the door, handing over or collecting. */
export const SERVICE_MINUTES = 5;

/** The solver's plane point for a place: x the longitude, y the latitude (travel converts back). */
export const pointOf = (p: GeoPoint): Point => ({ x: p.lng, y: p.lat });
const geoOf = (p: Point): GeoPoint => ({ lat: p.y, lng: p.x });

/** Road kilometres and driving minutes between two places. */
export function roadLeg(a: GeoPoint, b: GeoPoint): { distance: number; duration: number } {
  const km = distanceKm(a, b) * ROAD_FACTOR;
  return { distance: km, duration: (km / AVERAGE_SPEED_KMH) * 60 };
}

export const roadTravel: Travel = (a, b) => roadLeg(geoOf(a), geoOf(b));
