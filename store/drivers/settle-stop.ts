import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { nextTripState } from '../../domain/trips/trip-machine.ts';
import type { StopKind, StopStatus, TripState } from '../../domain/trips/trip.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { sqlOn } from '../sql.ts';
import { TripStopRecord } from '../trips/trip.entity.ts';
import { DriverRefusal } from './driver-refusal.ts';

export interface StopSettlement {
  tripId: string;
  driverId: string;
  orderId: string;
  kind: StopKind;
  from: StopStatus;
  to: StopStatus;
  reason?: string | null;
  /** Cash collected and proof of delivery, as the driver reported them: kept in the audit entry. */
  data: Record<string, unknown>;
  by: string;
  now: Date;
}

/**
 * Moves a stop from the status read to the reported one (a conditional update: a resent report finds it
 * moved and is a repeat), and the trip with it: its first report starts it, and it completes when no stop
 * is left pending or arrived. A failed pickup fails the order's drop-off on the trip too: the goods never
 * left. The trip's row is written first, so concurrent reports on one trip run one after the other and the
 * last one sees every stop settled.
 */
export async function settleStop(em: EntityManager, s: StopSettlement): Promise<'settled' | 'repeat'> {
  return inTransaction(em, async (tx) => {
    const db = sqlOn(tx);
    const locked = await sql<{ state: TripState }>`update trips set version = version + 1, updated_at = ${s.now} where id = ${s.tripId} and driver_id = ${s.driverId} returning state`.execute(db);
    const trip = locked.rows[0];
    if (!trip) throw new DriverRefusal('This trip was handed to another driver while you reported. Call your dispatcher.');
    const moved = await sql`update trip_stops set status = ${s.to} where trip_id = ${s.tripId} and order_id = ${s.orderId} and kind = ${s.kind} and status = ${s.from} returning order_id`.execute(db);
    if (moved.rows.length === 0) {
      const now = await tx.findOne(TripStopRecord, { tripId: s.tripId, orderId: s.orderId, kind: s.kind }, { refresh: true });
      if (now?.status === s.to) return 'repeat';
      throw new DriverRefusal(`This stop became ${now?.status ?? 'gone'} while you reported: nothing was changed. Look at the trip again.`);
    }
    if (s.kind === 'pickup' && s.to === 'failed')
      await sql`update trip_stops set status = ${'failed'} where trip_id = ${s.tripId} and order_id = ${s.orderId} and kind = ${'dropoff'} and status in (${'pending'}, ${'arrived'})`.execute(db);
    await insertAudit(tx, {
      dedupeKey: `trip:${s.tripId}:stop:${s.kind}:${s.orderId}:${s.to}`,
      subjectType: 'trip',
      subjectId: s.tripId,
      action: `stop_${s.to}`,
      actor: s.by,
      reason: s.reason ?? null,
      at: s.now,
      data: { orderId: s.orderId, kind: s.kind, ...s.data },
    });
    let state = trip.state;
    const step = async (action: 'start' | 'complete', openStops: number) => {
      const to = nextTripState(state, { openStops }, action);
      if (!to) return;
      const { rows } = await sql`update trips set state = ${to} where id = ${s.tripId} and state = ${state} returning id`.execute(db);
      if (rows.length === 0) return;
      await insertAudit(tx, { dedupeKey: `trip:${s.tripId}:${action}`, subjectType: 'trip', subjectId: s.tripId, action, fromState: state, toState: to, actor: s.by, at: s.now });
      if (action === 'complete') await sql`delete from trip_orders where trip_id = ${s.tripId}`.execute(db);
      state = to;
    };
    const open = await tx.count(TripStopRecord, { tripId: s.tripId, status: { $in: ['pending', 'arrived'] } });
    if (state === 'dispatched') await step('start', open);
    if (state === 'in_progress' && open === 0) await step('complete', 0);
    return 'settled';
  });
}
