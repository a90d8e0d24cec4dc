import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { orderStopsRefusal, sequenceRefusal } from '../../domain/trips/stops.ts';
import { tripOrderRefusal } from '../../domain/trips/trip-orders.ts';
import { STOPS_FOR_KIND, type Stop, type StopInput } from '../../domain/trips/trip.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { OrderRecord } from '../order.entity.ts';
import { sqlOn } from '../sql.ts';
import { tripDriver } from './trip-driver.ts';
import { TripRecord } from './trip.entity.ts';
import { TripRefusal } from './trip-refusal.ts';
import { saveStops } from './trip-stops.ts';

export interface NewTrip {
  id: string;
  driverId: string;
  stops: readonly StopInput[];
  note?: string | null;
  by: string;
  now: Date;
}

/** Refuses orders that cannot go on the driver's trip with these stops: their kind, state, assignee and stops. */
export async function checkTripOrders(tx: EntityManager, driverId: string, stops: readonly Pick<Stop, 'orderId' | 'kind'>[]): Promise<void> {
  const ids = [...new Set(stops.map((s) => s.orderId))];
  const orders = new Map((await tx.find(OrderRecord, { id: { $in: ids } }, { fields: ['id', 'kind', 'state', 'assignee'] })).map((o) => [o.id, o]));
  for (const id of ids) {
    const order = orders.get(id);
    if (!order) throw new TripRefusal(`No order ${id}.`);
    const refused =
      tripOrderRefusal({ id, kind: order.kind, state: order.state, assignee: order.assignee ?? null }, driverId) ??
      orderStopsRefusal(id, STOPS_FOR_KIND[order.kind]!, stops.filter((s) => s.orderId === id).map((s) => s.kind));
    if (refused) throw new TripRefusal(refused);
  }
}

/**
 * Claims each order for the trip: the claim's primary key is the order, so an order already on a live trip
 * (or being put on one in a transaction running at this moment) is refused, naming the trip that has it.
 */
export async function claimOrders(tx: EntityManager, tripId: string, orderIds: readonly string[]): Promise<void> {
  const db = sqlOn(tx);
  for (const orderId of new Set(orderIds)) {
    const { rows } = await sql`insert into trip_orders (order_id, trip_id) values (${orderId}, ${tripId}) on conflict (order_id) do nothing returning order_id`.execute(db);
    if (rows.length === 0) {
      const held = await sql<{ trip_id: string }>`select trip_id from trip_orders where order_id = ${orderId}`.execute(db);
      throw new TripRefusal(`Order ${orderId} is already on trip ${held.rows[0]?.trip_id ?? 'another trip'}: move it from there instead.`);
    }
  }
}

/** The trip's stops, pending, or refused when their order cannot be a trip. */
function checkedStops(trip: NewTrip): Stop[] {
  const stops: Stop[] = trip.stops.map((s) => ({ orderId: s.orderId, kind: s.kind, pinned: s.pinned, status: 'pending' }));
  const refused = sequenceRefusal(stops);
  if (refused) throw new TripRefusal(refused);
  return stops;
}

/** Plans a trip for a driver with its stops in order, claiming its orders, with its audit entry; a refusal writes nothing. */
export async function createTrip(em: EntityManager, trip: NewTrip): Promise<TripRecord> {
  const stops = checkedStops(trip);
  return inTransaction(em, (tx) => createTripIn(tx, trip, stops));
}

/** Plans the trip in the caller's transaction (several trips committed together); the stops already checked in order. */
export async function createTripIn(tx: EntityManager, trip: NewTrip, stops: readonly Stop[] = checkedStops(trip)): Promise<TripRecord> {
  const driver = await tripDriver(tx, trip.driverId);
  await checkTripOrders(tx, driver.id, stops);
  await claimOrders(tx, trip.id, stops.map((s) => s.orderId));
  const row = tx.create(TripRecord, { id: trip.id, driverId: driver.id, workAreaId: driver.workAreaId, state: 'planned', version: 0, createdBy: trip.by, createdAt: trip.now, updatedAt: trip.now });
  await tx.flush();
  await saveStops(tx, row, stops, trip.now);
  const data = { driverId: driver.id, stops: stops.map((s) => `${s.kind}:${s.orderId}`) };
  await insertAudit(tx, { dedupeKey: `trip:${trip.id}:create`, subjectType: 'trip', subjectId: trip.id, action: 'create', toState: 'planned', actor: trip.by, reason: trip.note || null, at: trip.now, data });
  return row;
}
