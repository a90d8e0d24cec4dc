import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { TRIP_STATE_LABELS, type StopKind, type StopStatus, type TripState } from '../../domain/trips/trip.ts';
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
 * moved and is a repeat). A failed pickup fails the order's drop-off on the trip too: the goods never left.
 * The trip must be in progress (its workflow starts it on the driver's first report, see
 * api/drivers/report-stop.ts) and its row is written first, so concurrent reports on one trip run one after
 * the other and the last one sees every stop settled. Answers with the stops left open.
 */
export async function settleStop(em: EntityManager, s: StopSettlement): Promise<{ outcome: 'settled' | 'repeat'; openStops: number }> {
  return inTransaction(em, async (tx) => {
    const db = sqlOn(tx);
    const locked = await sql<{ state: TripState }>`update trips set version = version + 1, updated_at = ${s.now} where id = ${s.tripId} and driver_id = ${s.driverId} returning state`.execute(db);
    const trip = locked.rows[0];
    if (!trip) throw new DriverRefusal('This trip was handed to another driver while you reported. Call your dispatcher.');
    if (trip.state !== 'in_progress') throw new DriverRefusal(`This trip is ${TRIP_STATE_LABELS[trip.state].toLowerCase()}: its stops take no reports. Look at your trips again.`);
    const openStops = () => tx.count(TripStopRecord, { tripId: s.tripId, status: { $in: ['pending', 'arrived'] } });
    const moved = await sql`update trip_stops set status = ${s.to} where trip_id = ${s.tripId} and order_id = ${s.orderId} and kind = ${s.kind} and status = ${s.from} returning order_id`.execute(db);
    if (moved.rows.length === 0) {
      const now = await tx.findOne(TripStopRecord, { tripId: s.tripId, orderId: s.orderId, kind: s.kind }, { refresh: true });
      if (now?.status === s.to) return { outcome: 'repeat' as const, openStops: await openStops() };
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
    return { outcome: 'settled' as const, openStops: await openStops() };
  });
}
