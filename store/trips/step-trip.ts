import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { nextTripState, tripRefusal, type TripAction } from '../../domain/trips/trip-machine.ts';
import { isLiveTrip, TRIP_STATE_LABELS, type TripState } from '../../domain/trips/trip.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { sqlOn } from '../sql.ts';
import { TripRecord } from './trip.entity.ts';
import { TripRefusal } from './trip-refusal.ts';
import { stopsOf, tripFor } from './trip-stops.ts';

/**
 * One step of a trip's lifecycle as the machine allows it: the state moves by a conditional update (`state =`
 * the state read) with its audit entry. A trip that completes or is cancelled lets go of its orders, so they
 * can go on another trip.
 */
export async function stepTrip(em: EntityManager, id: string, step: { action: TripAction; reason?: string | null; by: string; now: Date }): Promise<TripState> {
  return inTransaction(em, async (tx) => {
    const trip = await tripFor(tx, id);
    const context = { openStops: (await stopsOf(tx, id)).filter((s) => s.status === 'pending' || s.status === 'arrived').length };
    const to = nextTripState(trip.state, context, step.action);
    if (!to) throw new TripRefusal(tripRefusal(trip.state, context, step.action));
    const db = sqlOn(tx);
    const moved = await sql`update trips set state = ${to}, version = version + 1, updated_at = ${step.now} where id = ${id} and state = ${trip.state} returning id`.execute(db);
    if (moved.rows.length === 0) {
      const now = await tx.findOne(TripRecord, { id }, { refresh: true, fields: ['state'] });
      throw new TripRefusal(`Someone else acted on this trip at the same moment: it is now ${now ? TRIP_STATE_LABELS[now.state].toLowerCase() : 'gone'}. Nothing was changed; look at it again.`);
    }
    if (!isLiveTrip(to)) await sql`delete from trip_orders where trip_id = ${id}`.execute(db);
    await insertAudit(tx, { dedupeKey: `trip:${id}:${step.action}`, subjectType: 'trip', subjectId: id, action: step.action, fromState: trip.state, toState: to, actor: step.by, reason: step.reason || null, at: step.now });
    return to;
  });
}
