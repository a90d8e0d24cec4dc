import { z } from 'zod';
import { geoPoint } from '../geo.ts';
import { CARRIER_TYPES } from '../resource.ts';
import { oneLine } from '../text.ts';
import { instantInput } from '../instant-input.ts';

/** A clock time of the driver's area, "07:30": shifts are planned in local time, whatever the server's zone. */
export const localTime = z
  .string()
  .trim()
  .max(5, 'a local time as HH:MM, e.g. 07:30')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time as HH:MM, e.g. 07:30');

export const vehicle = z.strictObject({
  name: oneLine(100),
  /** Orders the vehicle carries at once: a cargo bike's few to a lorry's hundreds. */
  capacityOrders: z.number().int().min(1, 'a vehicle carries at least one order').max(500, 'at most 500 orders'),
  weightKg: z.number().positive('a weight above 0 kg').max(40_000, 'at most 40,000 kg (an articulated lorry)').nullable().default(null),
  volumeM3: z.number().positive('a volume above 0 m³').max(120, 'at most 120 m³').nullable().default(null),
});

/** What a dispatcher sets for a driver; carrier type stays on the resource, where assignment reads it. */
export const driverProfileInput = z
  .strictObject({
    shiftStart: localTime,
    shiftEnd: localTime,
    vehicle,
    zones: z.array(oneLine(50)).max(30, 'at most 30 zones').default([]),
  })
  .refine((p) => new Set(p.zones).size === p.zones.length, { message: 'each zone once', path: ['zones'] })
  .refine((p) => p.shiftStart !== p.shiftEnd, { message: 'a shift ends at another time than it starts (a night shift may end the next morning)', path: ['shiftEnd'] });
export type DriverProfileInput = z.infer<typeof driverProfileInput>;

export const driverPosition = z.object({ lat: z.number(), lng: z.number(), at: z.string() });

export const driverProfile = z.object({
  driverId: z.string(),
  name: z.string(),
  workAreaId: z.string(),
  available: z.boolean(),
  carrierType: z.enum(CARRIER_TYPES),
  /** Null until a dispatcher sets the driver up. */
  shiftStart: z.string().nullable(),
  shiftEnd: z.string().nullable(),
  vehicle: vehicle.nullable(),
  zones: z.array(z.string()),
  /** Cash collected on delivery and not yet confirmed remitted by finance, kept by the system. */
  cashOnHand: z.number(),
  position: driverPosition.nullable(),
  version: z.number().int(),
});
export type DriverProfile = z.infer<typeof driverProfile>;

/** A location ping: where the driver's phone is, and when it took the fix (not long ago, not ahead). */
export const locationPing = geoPoint.extend({ at: instantInput('an ISO 8601 time, e.g. 2026-05-01T09:30:00Z') });
export type LocationPing = z.infer<typeof locationPing>;
