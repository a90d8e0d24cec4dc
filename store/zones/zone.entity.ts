import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { GeoPolygon } from '../../domain/geo.ts';

/** A zone's shape on the map, keyed by the zone string orders carry; a zone without a row has no shape yet. */
export const ZoneRecord = defineEntity({
  name: 'ZoneRecord',
  tableName: 'zones',
  properties: {
    name: p.string().primary(),
    /** A GeoJSON Polygon, [longitude, latitude] positions. */
    polygon: p.json<GeoPolygon>(),
    colour: p.string(),
    updatedAt: p.datetime(),
    updatedBy: p.string(),
  },
});
export type ZoneRecord = InferEntity<typeof ZoneRecord>;
