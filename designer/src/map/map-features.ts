import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { MonitorRow } from '../../../domain/drivers/driver-trip.ts';
import type { WarehouseSettings } from '../../../domain/inventory.ts';
import type { LastMileStatus } from '../../../domain/last-mile.ts';
import type { OrderPoint } from '../../../domain/zones/order-map.ts';
import type { Zone } from '../../../domain/zones/zone.ts';

/**
 * A point's colour per last-mile status, as hex (WebGL paints them, not CSS): the hues of the orders
 * table's last-mile badges, dark enough to stand out on the pale background and on a zone's fill.
 */
export const STATUS_HEX: Record<LastMileStatus, string> = {
  Pending: '#1971c2',
  Assigned: '#7048e8',
  'Picked Up': '#e8590c',
  'In Transit': '#c2255c',
  Delivered: '#2f9e44',
  Cancelled: '#343a40',
  Returned: '#e03131',
};
export const WAREHOUSE_HEX = '#212529';
export const DRIVER_HEX = '#0c8599';

type Box = [number, number, number, number];

export const zoneFeatures = (zones: readonly Zone[]): FeatureCollection<Polygon, { name: string; colour: string }> => ({
  type: 'FeatureCollection',
  features: zones.map((z) => ({ type: 'Feature', geometry: z.polygon, properties: { name: z.name, colour: z.colour } })),
});

export const orderFeatures = (points: readonly OrderPoint[]): FeatureCollection<Point, { id: string; label: string; status: LastMileStatus }> => ({
  type: 'FeatureCollection',
  features: points.map((p) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lng, p.lat] }, properties: { id: p.id, label: p.reference ?? p.id, status: p.lastMileStatus } })),
});

export const warehouseFeatures = (warehouses: readonly WarehouseSettings[]): FeatureCollection<Point, { name: string }> => ({
  type: 'FeatureCollection',
  features: warehouses.flatMap((w) => (w.location ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [w.location.lng, w.location.lat] }, properties: { name: w.warehouse } }] : [])),
});

export const driverFeatures = (drivers: readonly MonitorRow[]): FeatureCollection<Point, { driverId: string; name: string }> => ({
  type: 'FeatureCollection',
  features: drivers.flatMap((d) => (d.position ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [d.position.lng, d.position.lat] }, properties: { driverId: d.driverId, name: d.name } }] : [])),
});

/** The box that holds every position given, or null when there are none: the map opens on the work. */
export function boundsOf(positions: Iterable<[number, number]>): Box | null {
  let box: Box | null = null;
  for (const [lng, lat] of positions) {
    box = box ? [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)] : [lng, lat, lng, lat];
  }
  return box;
}

/** Every position of the collections, for boundsOf. */
export function* positionsOf(...collections: FeatureCollection<Point | Polygon>[]): Generator<[number, number]> {
  for (const collection of collections)
    for (const feature of collection.features) {
      const g = feature.geometry;
      if (g.type === 'Point') yield g.coordinates as [number, number];
      else for (const ring of g.coordinates) for (const position of ring) yield position as [number, number];
    }
}
