import { describe, expect, it } from 'vitest';
import { distanceKm, geoPoint, geoPolygon, inPolygon, type GeoPolygon } from './geo.ts';

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('geo', () => {
  it.each([
    [{ lat: 0, lng: 0 }, { lat: 0, lng: 1 }, 111.2],
    [{ lat: 52.3676, lng: 4.9041 }, { lat: 51.9244, lng: 4.4777 }, 57.6],
    [{ lat: 10, lng: 179.5 }, { lat: 10, lng: -179.5 }, 109.5],
    [{ lat: 1, lng: 1 }, { lat: 1, lng: 1 }, 0],
  ])('distance %o → %o is %d km', (a, b, km) => {
    expect(distanceKm(a, b)).toBeCloseTo(km, 0);
  });

  const withHole: GeoPolygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
  it.each([
    [{ lat: 1, lng: 1 }, true],
    [{ lat: 5, lng: 5 }, false],
    [{ lat: 11, lng: 5 }, false],
    [{ lat: 5, lng: -0.1 }, false],
    [{ lat: 3.9, lng: 5 }, true],
  ])('%o in a square with a hole: %s', (point, inside) => {
    expect(inPolygon(point, withHole)).toBe(inside);
  });

  it.each([
    [{ lat: 91, lng: 0 }, 'lat is between -90 and 90'],
    [{ lat: 0, lng: -181 }, 'lng is between -180 and 180'],
    [{ lat: '1', lng: 0 }, 'lat must be a number'],
  ])('refuses the point %o: %s', (point, message) => {
    const parsed = geoPoint.safeParse(point);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(message);
  });

  it.each([
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, 'ends where it starts'],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, 'at least 4 positions'],
    [{ type: 'Polygon', coordinates: [] }, 'an outer ring'],
    [{ type: 'MultiPolygon', coordinates: [] }, 'Polygon'],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 95], [1, 1], [0, 0]]] }, 'a latitude is between -90 and 90'],
    [{ type: 'Polygon', coordinates: [[[0, 0, 3], [1, 0], [1, 1], [0, 0]]] }, 'a position is [longitude, latitude]'],
  ])('refuses a polygon: %s', (polygon, message) => {
    const parsed = geoPolygon.safeParse(polygon);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });
});
