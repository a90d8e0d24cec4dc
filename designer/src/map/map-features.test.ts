import { describe, expect, it } from 'vitest';
import type { WarehouseSettings } from '../../../domain/inventory.ts';
import { boundsOf, orderFeatures, positionsOf, warehouseFeatures, zoneFeatures } from './map-features.ts';

const warehouse = (name: string, location: WarehouseSettings['location']): WarehouseSettings => ({ warehouse: name, reserveAt: 'acceptance', location, updatedAt: null, updatedBy: null });

describe('map features', () => {
  it('draws orders at [lng, lat], named by reference or else id', () => {
    const features = orderFeatures([
      { id: 'o1', reference: 'R-1', lastMileStatus: 'Pending', lat: 52.37, lng: 4.89 },
      { id: 'o2', reference: null, lastMileStatus: 'Delivered', lat: 52.3, lng: 4.8 },
    ]).features;
    expect(features.map((f) => [f.geometry.coordinates, f.properties])).toEqual([
      [[4.89, 52.37], { id: 'o1', label: 'R-1', status: 'Pending' }],
      [[4.8, 52.3], { id: 'o2', label: 'o2', status: 'Delivered' }],
    ]);
  });

  it('leaves out warehouses nobody placed', () => {
    expect(warehouseFeatures([warehouse('a', null), warehouse('b', { lat: 52, lng: 5 })]).features.map((f) => f.properties.name)).toEqual(['b']);
  });

  it('frames every zone corner and point, and nothing when there is nothing', () => {
    const zones = zoneFeatures([{ name: 'z', colour: '#000000', updatedAt: '', updatedBy: '', polygon: { type: 'Polygon', coordinates: [[[4.8, 52.3], [4.9, 52.3], [4.9, 52.4], [4.8, 52.3]]] } }]);
    const orders = orderFeatures([{ id: 'o', reference: null, lastMileStatus: 'Pending', lat: 52.5, lng: 4.85 }]);
    expect(boundsOf(positionsOf(zones, orders))).toEqual([4.8, 52.3, 4.9, 52.5]);
    expect(boundsOf(positionsOf(orderFeatures([])))).toBeNull();
  });
});
