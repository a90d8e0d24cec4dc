import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { LIVE_TRIP_STATES, type Stop } from '../../domain/trips/trip.ts';
import { sqlOn } from '../sql.ts';
import { TripRecord, TripStopRecord } from './trip.entity.ts';
import { TripRefusal } from './trip-refusal.ts';

/** A trip's stops in order. */
export async function stopsOf(em: EntityManager, tripId: string): Promise<Stop[]> {
  const rows = await em.find(TripStopRecord, { tripId }, { orderBy: { position: 'asc' } });
  return rows.map((r) => ({ orderId: r.orderId, kind: r.kind, pinned: r.pinned, status: r.status }));
}

/** The trip as read for a change, refused when there is none. */
export async function tripFor(tx: EntityManager, id: string): Promise<TripRecord> {
  const trip = await tx.findOne(TripRecord, { id }, { refresh: true });
  if (!trip) throw new TripRefusal(`No trip ${id}.`);
  return trip;
}

/**
 * Writes a live trip's new stops in `tx`, if the trip is still at the version it was read in: the version
 * moves by a conditional update first, so a second change made at once from the same version finds it moved
 * and is refused rather than overwriting the first.
 */
export async function saveStops(tx: EntityManager, trip: Pick<TripRecord, 'id' | 'version'>, stops: readonly Stop[], now: Date): Promise<void> {
  await bumpVersion(tx, trip, now);
  const db = sqlOn(tx);
  await sql`delete from trip_stops where trip_id = ${trip.id}`.execute(db);
  for (const [position, s] of stops.entries())
    await sql`insert into trip_stops (trip_id, order_id, kind, position, pinned, status) values (${trip.id}, ${s.orderId}, ${s.kind}, ${position}, ${s.pinned}, ${s.status})`.execute(db);
}

/** Moves a live trip's version on from the one read; refused when someone changed it since. */
export async function bumpVersion(tx: EntityManager, trip: Pick<TripRecord, 'id' | 'version'>, now: Date, set: { driverId?: string } = {}): Promise<void> {
  const { rows } = await sql`update trips set version = version + 1, updated_at = ${now}${set.driverId ? sql`, driver_id = ${set.driverId}` : sql``}
    where id = ${trip.id} and version = ${trip.version} and state in (${sql.join(LIVE_TRIP_STATES)}) returning id`.execute(sqlOn(tx));
  if (rows.length === 0) throw new TripRefusal('Someone else changed this trip at the same moment. Nothing was changed; look at it again.');
}
