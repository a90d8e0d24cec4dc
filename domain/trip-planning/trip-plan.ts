import { z } from 'zod';
import { geoPoint } from '../geo.ts';
import { orderState } from '../lifecycle.ts';
import { UNPLANNED_REASONS } from '../sequencing/sequencing-problem.ts';
import { oneLine, paragraph } from '../text.ts';
import { MAX_STOPS, stopKind, TRIP_NOTE_MAX } from '../trips/trip.ts';

/** A preview plans at most this many orders and drivers: a large city depot's day, solved in seconds. */
export const PLAN_MAX_ORDERS = 2_000;
export const PLAN_MAX_DRIVERS = 100;

const driverId = oneLine(40);
const orderId = oneLine(200);

export const planPreviewInput = z.strictObject({
  zone: oneLine(50, 'name the zone to plan'),
  /** The depot; when omitted, the warehouse most of the zone's orders leave from. */
  warehouse: oneLine(50).optional(),
  /** The drivers to plan for; when omitted, the zone's available drivers. */
  driverIds: z.array(driverId).min(1, 'choose at least one driver, or leave driverIds out for all of the zone').max(PLAN_MAX_DRIVERS, `a preview plans for at most ${PLAN_MAX_DRIVERS} drivers`).optional(),
});
export type PlanPreviewInput = z.infer<typeof planPreviewInput>;

/** Why an order is not in the proposal: its own problem first, then what the solver found. */
export const PLANNING_REASONS = ['no_location', 'out_of_reach', 'other_warehouse', 'no_driver', ...UNPLANNED_REASONS] as const;
export type PlanningReason = (typeof PLANNING_REASONS)[number];

/** What the preview saw of an order: a commit is refused when the order is no longer so. */
export const orderBasis = z.strictObject({ orderId, state: orderState, assignee: oneLine(200).nullable() });
export type OrderBasis = z.infer<typeof orderBasis>;

export const proposedStop = z.object({ orderId: z.string(), reference: z.string().nullable(), kind: stopKind, arrivalAt: z.iso.datetime(), dueAt: z.iso.datetime(), late: z.boolean() });
export const proposedTrip = z.object({
  driverId: z.string(),
  driverName: z.string(),
  /** Stops the driver still has on live trips, done first: the new stops' times, the distance and the duration count them. */
  stopsAhead: z.number().int(),
  stops: z.array(proposedStop),
  distanceKm: z.number(),
  durationMinutes: z.number(),
  returnAt: z.iso.datetime(),
});
export type ProposedTrip = z.infer<typeof proposedTrip>;

export const unplannedOrder = z.object({ orderId: z.string(), reference: z.string().nullable(), reason: z.enum(PLANNING_REASONS), message: z.string() });
export type UnplannedOrder = z.infer<typeof unplannedOrder>;

export const tripPlanProposal = z.object({
  zone: z.string(),
  warehouse: z.string(),
  depot: geoPoint,
  plannedAt: z.iso.datetime(),
  trips: z.array(proposedTrip),
  unplanned: z.array(unplannedOrder),
  totals: z.object({ trips: z.number().int(), orders: z.number().int(), distanceKm: z.number(), durationMinutes: z.number() }),
  basis: z.array(orderBasis).describe('Each planned order as the preview saw it: send it back with the commit.'),
});
export type TripPlanProposal = z.infer<typeof tripPlanProposal>;

export const tripPlanPreview = tripPlanProposal.extend({
  driversLeftOut: z.array(z.object({ driverId: z.string(), reason: z.string() })).describe('Drivers of the zone (or named) who cannot take a trip now, and why.'),
});
export type TripPlanPreview = z.infer<typeof tripPlanPreview>;

export const planCommitInput = z.strictObject({
  trips: z
    .array(z.strictObject({ driverId, stops: z.array(z.strictObject({ orderId, kind: stopKind })).min(1, 'a trip needs at least one stop').max(MAX_STOPS, `a trip has at most ${MAX_STOPS} stops`) }))
    .min(1, 'the preview proposed no trip: there is nothing to commit')
    .max(PLAN_MAX_DRIVERS, `a plan has at most ${PLAN_MAX_DRIVERS} trips`),
  basis: z.array(orderBasis).max(PLAN_MAX_ORDERS, `a plan holds at most ${PLAN_MAX_ORDERS} orders`),
  note: paragraph(TRIP_NOTE_MAX).optional(),
});
export type PlanCommitInput = z.infer<typeof planCommitInput>;
