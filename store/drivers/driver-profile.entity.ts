import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * What a driver resource has beyond what assignment reads (resources): shift, vehicle, zones served, and the
 * last position the driver's phone sent: one row per driver, overwritten, so pings never grow the table.
 * Cash on hand is not stored: it is read from the orders (collected minus remitted), so it cannot drift.
 */
export const DriverProfileRecord = defineEntity({
  name: 'DriverProfileRecord',
  tableName: 'driver_profiles',
  properties: {
    /** resources.id of a driver. */
    driverId: p.string().primary(),
    shiftStart: p.string().nullable(),
    shiftEnd: p.string().nullable(),
    vehicleName: p.string().nullable(),
    vehicleCapacity: p.integer().nullable(),
    vehicleWeightKg: p.double().$type<number>().runtimeType('number').nullable(),
    vehicleVolumeM3: p.double().$type<number>().runtimeType('number').nullable(),
    zones: p.json<string[]>(),
    lastLat: p.double().$type<number>().runtimeType('number').nullable(),
    lastLng: p.double().$type<number>().runtimeType('number').nullable(),
    lastSeenAt: p.datetime().nullable(),
    /** Moves on every edit by a person (not on pings): two dispatchers editing at once do not both win. */
    version: p.integer().default(0),
  },
});
export type DriverProfileRecord = InferEntity<typeof DriverProfileRecord>;

/** A driver's credential for the driver API: bound to one driver, only the SHA-256 of its secret is stored. */
export const DriverTokenRecord = defineEntity({
  name: 'DriverTokenRecord',
  tableName: 'driver_tokens',
  properties: {
    id: p.string().primary(),
    driverId: p.string().index(),
    secretHash: p.string(),
    createdBy: p.string(),
    createdAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type DriverTokenRecord = InferEntity<typeof DriverTokenRecord>;
