import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { StopKind, StopStatus, TripState } from '../../domain/trips/trip.ts';

/**
 * A driver's trip (run sheet). Every change moves `version` by a conditional update (`version =` the version
 * read) in the transaction of its audit entry, so two dispatchers editing one trip at once never both succeed.
 */
export const TripRecord = defineEntity({
  name: 'TripRecord',
  tableName: 'trips',
  properties: {
    id: p.string().primary(),
    /** The driver (resources.id) of a driver-pool work area. */
    driverId: p.string().index(),
    workAreaId: p.string(),
    state: p.string().$type<TripState>(),
    version: p.integer().default(0),
    createdBy: p.string(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['state', 'createdAt'] }],
});
export type TripRecord = InferEntity<typeof TripRecord>;

/** One stop of a trip, at its position (0 first); an order has at most one stop of each kind on a trip. */
export const TripStopRecord = defineEntity({
  name: 'TripStopRecord',
  tableName: 'trip_stops',
  properties: {
    tripId: p.string().primary(),
    orderId: p.string().primary().index(),
    kind: p.string().$type<StopKind>().primary(),
    position: p.integer(),
    pinned: p.boolean(),
    status: p.string().$type<StopStatus>(),
  },
});
export type TripStopRecord = InferEntity<typeof TripStopRecord>;

/**
 * Which live trip holds an order: the primary key on the order makes "an order is on at most one live trip"
 * the database's rule, so two dispatchers putting one order on two trips at once cannot both succeed. The row
 * goes when its trip completes or is cancelled.
 */
export const TripOrderRecord = defineEntity({
  name: 'TripOrderRecord',
  tableName: 'trip_orders',
  properties: {
    orderId: p.string().primary(),
    tripId: p.string().index(),
  },
});
export type TripOrderRecord = InferEntity<typeof TripOrderRecord>;
