import { z } from 'zod';
import { splitList } from '../../domain/order-list-query.ts';
import { mapSettings } from '../../domain/zones/map-settings.ts';
import { orderMap, orderMapQuery } from '../../domain/zones/order-map.ts';
import { zone, zoneInput, zoneName } from '../../domain/zones/zone.ts';
import { orderPoints } from '../../store/zones/order-points.ts';
import { listZones, putZone } from '../../store/zones/zones.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { defineRoute } from '../registry/route.ts';
import { STANDARD_ERRORS } from '../schemas.ts';

/** Zones as shapes on the map: the zone strings orders carry, each with a GeoJSON polygon and a colour. */
export function zoneRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  const tag = 'Zones';
  return [
    defineRoute({
      tag,
      access: 'orders.read',
      method: 'get',
      path: '/map/settings',
      operationId: 'mapSettings',
      summary: "The map's configuration: background tiles, when the operator set them",
      responses: { 200: { description: 'The tile URL template and its attribution, or null for a plain background.', schema: mapSettings }, ...STANDARD_ERRORS },
      handler: (c) => c.json({ tiles: deps.mapTiles ?? null }),
    }),
    defineRoute({
      tag,
      // Whoever reads orders sees where they are.
      access: 'orders.read',
      method: 'get',
      path: '/zones',
      operationId: 'listZones',
      summary: 'Zones with a shape, by name',
      responses: { 200: { description: 'Each zone with its polygon and colour; a zone orders name that has no shape yet is not listed.', schema: z.object({ zones: z.array(zone) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ zones: await listZones(em()) }),
    }),
    defineRoute({
      tag,
      access: 'zones.manage',
      method: 'put',
      path: '/zones/:name',
      operationId: 'putZone',
      summary: "Setting a zone's shape (a GeoJSON polygon) and colour",
      params: z.object({ name: zoneName }),
      body: zoneInput,
      responses: { 200: { description: 'Set, and audited with the shape it had before.', schema: zone }, ...STANDARD_ERRORS },
      handler: async (c, { params, body, principal }) => c.json(await putZone(em(), params.name, body, actorOf(principal), new Date())),
    }),
    defineRoute({
      tag,
      access: 'orders.read',
      method: 'get',
      path: '/map/orders',
      operationId: 'mapOrders',
      summary: 'Last-mile orders as points for the map, filtered as the orders table filters them',
      query: orderMapQuery,
      responses: { 200: { description: 'Up to 5,000 points, newest first, and how many orders the filters match (counted up to 100,000).', schema: orderMap }, ...STANDARD_ERRORS },
      handler: async (c, { query }) =>
        c.json(
          await orderPoints(em(), {
            zone: query.zone,
            lastMile: splitList(query.lastMile),
            bbox: query.bbox ? (query.bbox.split(',').map(Number) as [number, number, number, number]) : undefined,
          }),
        ),
    }),
  ];
}
