import { z } from 'zod';
import { oneLine } from './text.ts';

export const RESOURCE_KINDS = ['driver', 'team', 'line'] as const;
/** Non-internal carriers limit what a driver may do (no cash on delivery, by the default assignment rules). */
export const CARRIER_TYPES = ['internal', 'prime', 'external', 'hybrid'] as const;

/** Who executes work within an area. */
export const resourceSettings = z.strictObject({
  name: oneLine(100),
  kind: z.enum(RESOURCE_KINDS),
  zone: oneLine(50).nullable().default(null),
  skills: z.array(oneLine(40)).max(30).default([]),
  /** Orders the resource can hold at once. */
  capacity: z.number().int().positive().max(10_000).default(1),
  /** Off shift, sick, broken down: an unavailable resource is never a candidate. */
  available: z.boolean().default(true),
  carrierType: z.enum(CARRIER_TYPES).default('internal'),
});
export type ResourceSettings = z.infer<typeof resourceSettings>;

export const newResource = resourceSettings.extend({
  id: z.string().trim().max(40).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, e.g. driver-ana'),
});

export const resource = resourceSettings.extend({ id: z.string(), workAreaId: z.string() });
export type Resource = z.infer<typeof resource>;
