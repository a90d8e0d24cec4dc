import { z } from 'zod';
import type { OrderKind } from '../order.ts';
import { oneLine, paragraph } from '../text.ts';
import { TRIP_STATES } from './trip-states.ts';

export { isLiveTrip, LIVE_TRIP_STATES, TRIP_STATE_LABELS, TRIP_STATES, type TripState } from './trip-states.ts';
export const tripState = z.enum(TRIP_STATES);

export const STOP_KINDS = ['pickup', 'dropoff'] as const;
export const stopKind = z.enum(STOP_KINDS);
export type StopKind = z.infer<typeof stopKind>;

/** Where a stop is: waiting, the driver is there, done (picked up or delivered), or it failed. */
export const STOP_STATUSES = ['pending', 'arrived', 'done', 'failed'] as const;
export type StopStatus = (typeof STOP_STATUSES)[number];

/** The stops an order of each trip-going kind needs: goods to collect, to deliver, or both. */
export const STOPS_FOR_KIND: Partial<Record<OrderKind, readonly StopKind[]>> = {
  pickup: ['pickup'],
  delivery: ['dropoff'],
  pickup_delivery: ['pickup', 'dropoff'],
  on_demand: ['pickup', 'dropoff'],
};

/** A run sheet long enough for a day's multi-drop van, and no longer. */
export const MAX_STOPS = 200;
export const TRIP_NOTE_MAX = 500;

const orderId = oneLine(200);

export const stopInput = z.strictObject({ orderId, kind: stopKind, pinned: z.boolean().default(false) });
export type StopInput = z.infer<typeof stopInput>;

export const stop = z.object({ orderId: z.string(), kind: stopKind, pinned: z.boolean(), status: z.enum(STOP_STATUSES) });
export type Stop = z.infer<typeof stop>;

/** A stop's name within its trip: an order has at most one stop of each kind on a trip. */
export const stopRef = z.strictObject({ orderId, kind: stopKind });
export type StopRef = z.infer<typeof stopRef>;

const stopList = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, 'a trip needs at least one stop').max(MAX_STOPS, `a trip has at most ${MAX_STOPS} stops`);

export const newTripInput = z.strictObject({ driverId: oneLine(40), stops: stopList(stopInput), note: paragraph(TRIP_NOTE_MAX).optional() });
export type NewTripInput = z.infer<typeof newTripInput>;

/** The trip's stops in their new order: every stop once, pinned ones where they are. */
export const reorderInput = z.strictObject({ stops: stopList(stopRef) });
export const moveStopInput = z.strictObject({
  orderId,
  toTripId: oneLine(40),
  /** Where the order's first stop goes among the target trip's stops (0 = first); the end when omitted. */
  at: z.number().int().min(0).max(MAX_STOPS).optional(),
});
export const handOverInput = z.strictObject({ driverId: oneLine(40), reason: paragraph(TRIP_NOTE_MAX, 'say why the trip changes driver') });
export const cancelTripInput = z.strictObject({ reason: paragraph(TRIP_NOTE_MAX, 'say why the trip is cancelled') });

export const tripListQuery = z.strictObject({ state: tripState.optional(), driverId: oneLine(40).optional(), orderId: orderId.optional() });

export const tripSummary = z.object({
  id: z.string(),
  driverId: z.string(),
  workAreaId: z.string(),
  state: tripState,
  stops: z.array(stop),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TripSummary = z.infer<typeof tripSummary>;

export const tripEvent = z.object({ at: z.string(), action: z.string(), fromState: z.string().nullable(), toState: z.string().nullable(), actor: z.string(), reason: z.string().nullable() });
export const tripDetail = tripSummary.extend({ timeline: z.array(tripEvent) });
export type TripDetail = z.infer<typeof tripDetail>;
