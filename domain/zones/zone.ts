import { z } from 'zod';
import { geoPolygon, MAX_RING_POINTS } from '../geo.ts';
import { oneLine } from '../text.ts';

/** The zone string orders carry (domain/order.ts): a zone's shape is keyed by it. */
export const ZONE_NAME_MAX = 50;
export const zoneName = oneLine(ZONE_NAME_MAX);

/** A zone shaped by hand or from open data; its holes share the outer ring's budget, so one zone stays one ring's size. */
export const zoneShape = geoPolygon.refine((p) => p.coordinates.reduce((n, r) => n + r.length, 0) <= MAX_RING_POINTS, {
  message: `a zone has at most ${MAX_RING_POINTS.toLocaleString('en')} positions in all its rings together`,
  path: ['coordinates'],
});

/** A colour the map fills the zone with, as #rrggbb. */
export const zoneColour = z.string().max(7, 'a colour as #rrggbb, e.g. #1c7ed6').regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb, e.g. #1c7ed6');

export const zoneInput = z.strictObject({ polygon: zoneShape, colour: zoneColour });
export type ZoneInput = z.infer<typeof zoneInput>;

export const zone = z.object({ name: z.string(), polygon: geoPolygon, colour: z.string(), updatedAt: z.string(), updatedBy: z.string() });
export type Zone = z.infer<typeof zone>;

/** More zones than a city's districts and an operator's own areas together. */
export const ZONES_MAX = 500;
