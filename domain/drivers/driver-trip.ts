import { z } from 'zod';
import { geoPoint } from '../geo.ts';
import { STOP_STATUSES, stopKind, tripState } from '../trips/trip.ts';
import { driverProfile } from './driver-profile.ts';

/** A stop as the driver's app shows it: where to go, by when, and what cash to collect there. */
export const driverStop = z.object({
  orderId: z.string(),
  reference: z.string(),
  kind: stopKind,
  status: z.enum(STOP_STATUSES),
  pinned: z.boolean(),
  /** The order's pickup point for a pickup, its drop-off point for a drop-off; null when the order has none. */
  point: geoPoint.nullable(),
  dueAt: z.string(),
  /** Cash to collect on a cash-on-delivery drop-off; null elsewhere. */
  codToCollect: z.number().nullable(),
  /**
   * Messages on the order's conversation that mention this driver (`@driver`) and that the driver has not read
   * yet (read = fetched the thread's newest page). Both stops of one order show the order's count.
   */
  unreadMentions: z.number().int().min(0),
});
export type DriverStop = z.infer<typeof driverStop>;

export const driverTrip = z.object({ id: z.string(), state: tripState, version: z.number().int(), stops: z.array(driverStop) });
export type DriverTrip = z.infer<typeof driverTrip>;

export const stopReportResult = z.object({
  /** True when the stop already had this status: the report changed nothing (a resend). */
  repeated: z.boolean(),
  trip: driverTrip,
});

export const monitorQuery = z.strictObject({
  workAreaId: z.string().trim().max(40).optional(),
  zone: z.string().trim().max(50).optional(),
  availability: z.enum(['available', 'unavailable']).optional(),
});

/** A driver's line on the monitor. */
export const monitorRow = driverProfile.extend({
  currentTrip: z.object({ id: z.string(), state: tripState, version: z.number().int(), stops: z.array(driverStop) }).nullable(),
  stopsDone: z.number().int(),
  stopsLeft: z.number().int(),
  /** Pending stops whose order is past due. */
  lateStops: z.number().int(),
});
export type MonitorRow = z.infer<typeof monitorRow>;
