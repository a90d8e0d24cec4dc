import { z } from 'zod';
import { geoPoint } from '../geo.ts';
import { orderKind } from '../order.ts';
import { rowVersionInput } from '../row-version.ts';
import { ID_MAX, oneLine, paragraph } from '../text.ts';

/** A hub run visits a few dozen places at most; a longer pattern is a trip plan, not a route. */
export const MAX_ROUTE_STOPS = 50;
export const MAX_ROUTE_DRIVERS = 50;
/** Rule lists name a handful of kinds, zones or accounts; a longer list means the stop serves everyone. */
const MAX_RULE_ITEMS = 100;
/** Further than this from a stop is another town's stop. */
export const MAX_RADIUS_KM = 100;

const ruleList = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_RULE_ITEMS, `at most ${MAX_RULE_ITEMS} entries`).default([]);

/**
 * One place a route calls at, and which orders it serves. Every rule list that is not empty must include the
 * order (empty serves all), and when `radiusKm` is set the order's pickup or drop-off must lie within it.
 */
export const routeStop = z.strictObject({
  name: oneLine(100),
  location: geoPoint,
  radiusKm: z.number().positive('a radius is more than 0 km').max(MAX_RADIUS_KM, `at most ${MAX_RADIUS_KM} km`).nullable().default(null),
  kinds: ruleList(orderKind),
  zones: ruleList(oneLine(50)),
  accounts: ruleList(oneLine(ID_MAX)),
});
export type RouteStop = z.infer<typeof routeStop>;

export const routeInput = z.strictObject({
  name: oneLine(100),
  /** The warehouse the run leaves from and the zone it serves, when it keeps to one. */
  warehouse: oneLine(50).nullable().default(null),
  zone: oneLine(50).nullable().default(null),
  stops: z.array(routeStop).min(1, 'a route calls at one stop at least').max(MAX_ROUTE_STOPS, `a route has at most ${MAX_ROUTE_STOPS} stops`),
  driverIds: z.array(oneLine(40)).max(MAX_ROUTE_DRIVERS, `at most ${MAX_ROUTE_DRIVERS} drivers`).default([]),
  note: paragraph(500).optional(),
});
export type RouteInput = z.infer<typeof routeInput>;

/** A change carries the version it was made from, so two people editing one route cannot both win. */
export const routeUpdate = routeInput.extend({ version: rowVersionInput });

export const route = z.object({
  id: z.string(),
  name: z.string(),
  warehouse: z.string().nullable(),
  zone: z.string().nullable(),
  stops: z.array(routeStop),
  driverIds: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Route = z.infer<typeof route>;
