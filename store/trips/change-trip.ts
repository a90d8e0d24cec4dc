import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { moveOrder, reorderStops } from '../../domain/trips/stops.ts';
import { handOverRefusal, stopEditRefusal } from '../../domain/trips/trip-edits.ts';
import type { StopRef } from '../../domain/trips/trip.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { sqlOn } from '../sql.ts';
import { checkTripOrders } from './create-trip.ts';
import { tripDriver } from './trip-driver.ts';
import { TripRefusal } from './trip-refusal.ts';
import { bumpVersion, saveStops, stopsOf, tripFor } from './trip-stops.ts';

interface ByWhom {
  by: string;
  now: Date;
}

const editable = async (tx: EntityManager, id: string) => {
  const trip = await tripFor(tx, id);
  const refused = stopEditRefusal(trip.state);
  if (refused) throw new TripRefusal(refused);
  return trip;
};

/** Puts a trip's stops in the order a dispatcher gave (pinned and visited stops where they are). */
export async function reorderTrip(em: EntityManager, id: string, order: readonly StopRef[], who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    const trip = await editable(tx, id);
    const result = reorderStops(await stopsOf(tx, id), order);
    if ('refused' in result) throw new TripRefusal(result.refused);
    await saveStops(tx, trip, result.stops, who.now);
    await insertAudit(tx, { dedupeKey: `trip:${id}:reorder:${trip.version}`, subjectType: 'trip', subjectId: id, action: 'reorder', actor: who.by, at: who.now, data: { stops: result.stops.map((s) => `${s.kind}:${s.orderId}`) } });
  });
}

/**
 * Moves an order's stops (its pickup and drop-off together) to another live trip, before position `at`
 * there; the order's claim moves with them, and both trips' logs say so, in one transaction.
 */
export async function moveTripOrder(em: EntityManager, fromId: string, move: { orderId: string; toTripId: string; at?: number | undefined }, who: ByWhom): Promise<void> {
  if (fromId === move.toTripId) throw new TripRefusal('The order is already on this trip: reorder its stops instead.');
  await inTransaction(em, async (tx) => {
    const from = await editable(tx, fromId);
    const to = await editable(tx, move.toTripId);
    const result = moveOrder(await stopsOf(tx, fromId), await stopsOf(tx, to.id), move.orderId, move.at);
    if ('refused' in result) throw new TripRefusal(result.refused);
    // The order must suit its new driver too (assigned to someone else, it cannot go on their trip).
    await checkTripOrders(tx, to.driverId, result.to.filter((s) => s.orderId === move.orderId));
    await saveStops(tx, from, result.from, who.now);
    await saveStops(tx, to, result.to, who.now);
    const { rows } = await sql`update trip_orders set trip_id = ${to.id} where order_id = ${move.orderId} and trip_id = ${fromId} returning order_id`.execute(sqlOn(tx));
    if (rows.length === 0) throw new Error(`order ${move.orderId} was on trip ${fromId} without its claim`);
    const data = { orderId: move.orderId, fromTripId: fromId, toTripId: to.id };
    await insertAudit(tx, { dedupeKey: `trip:${fromId}:move-out:${from.version}`, subjectType: 'trip', subjectId: fromId, action: 'move_stop_out', actor: who.by, at: who.now, data });
    await insertAudit(tx, { dedupeKey: `trip:${to.id}:move-in:${to.version}`, subjectType: 'trip', subjectId: to.id, action: 'move_stop_in', actor: who.by, at: who.now, data });
  });
}

/**
 * Hands a whole trip to another driver, its stops in the same order; the reason goes into the log, with the
 * orders the caller reassigned to the driver for it.
 */
export async function handOverTrip(em: EntityManager, id: string, handOver: { driverId: string; reason: string; reassigned?: readonly string[] }, who: ByWhom): Promise<void> {
  await inTransaction(em, async (tx) => {
    const trip = await tripFor(tx, id);
    const refused = handOverRefusal(trip, handOver.driverId);
    if (refused) throw new TripRefusal(refused);
    const driver = await tripDriver(tx, handOver.driverId);
    await checkTripOrders(tx, driver.id, await stopsOf(tx, id));
    await bumpVersion(tx, trip, who.now, { driverId: driver.id });
    await insertAudit(tx, {
      dedupeKey: `trip:${id}:hand-over:${trip.version}`,
      subjectType: 'trip',
      subjectId: id,
      action: 'hand_over',
      actor: who.by,
      reason: handOver.reason,
      at: who.now,
      data: { fromDriverId: trip.driverId, toDriverId: driver.id, reassigned: handOver.reassigned ?? [] },
    });
  });
}
