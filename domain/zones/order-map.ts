import { z } from 'zod';
import { LAST_MILE_STATUSES } from '../last-mile.ts';
import { enumList } from '../order-list-query.ts';

/** Points a browser draws and clusters at once without stalling; past them the map says how many it leaves out. */
export const MAP_POINTS_MAX = 5_000;
/** How far the map counts the orders its filters match: beyond it, "more than" is what a dispatcher needs. */
export const MAP_COUNT_MAX = 100_000;

const coordinate = String.raw`-?\d{1,3}(\.\d{1,12})?`;

/** The filters of the map, named as the orders table's (zone, lastMile): the same filters give the same orders. */
export const orderMapQuery = z.strictObject({
  zone: z.string().trim().min(1).max(50).optional().describe('Only orders of this zone.'),
  lastMile: enumList(LAST_MILE_STATUSES, 'last-mile statuses').optional().describe('Only orders with one of these last-mile statuses.'),
  bbox: z
    .string()
    .max(100)
    .regex(new RegExp(`^${coordinate}(,${coordinate}){3}$`), 'west,south,east,north in degrees, e.g. 4.8,52.3,5.0,52.4')
    .refine((b) => {
      const [w, s, e, n] = b.split(',').map(Number) as [number, number, number, number];
      return w >= -180 && e <= 180 && s >= -90 && n <= 90 && w <= e && s <= n;
    }, 'west,south,east,north: longitudes within -180..180, latitudes within -90..90, west ≤ east and south ≤ north')
    .optional()
    .describe('Only orders whose point is in this box: west,south,east,north.'),
});
export type OrderMapQuery = z.infer<typeof orderMapQuery>;

/** An order on the map: its drop-off, or its pickup when it has no drop-off. */
export const orderPoint = z.object({ id: z.string(), reference: z.string().nullable(), lastMileStatus: z.enum(LAST_MILE_STATUSES), lat: z.number(), lng: z.number() });
export type OrderPoint = z.infer<typeof orderPoint>;

export const orderMap = z.object({
  points: z.array(orderPoint),
  /** The orders the filters match, counted up to MAP_COUNT_MAX; `more` says there are more than that. */
  matched: z.number().int(),
  more: z.boolean(),
});
export type OrderMap = z.infer<typeof orderMap>;
