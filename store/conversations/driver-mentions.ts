import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { sqlOn } from '../sql.ts';
import { TripOrderRecord, TripRecord } from '../trips/trip.entity.ts';
import { DriverThreadReadRecord } from './driver-thread-read.entity.ts';
import { OrderMessageRecord } from './order-message.entity.ts';

/** The driver of the live trip an order is on (what `@driver` reaches); null when it is on none. */
export async function liveDriverOfOrder(em: EntityManager, orderId: string): Promise<string | null> {
  const held = await em.findOne(TripOrderRecord, { orderId });
  if (!held) return null;
  return (await em.findOne(TripRecord, { id: held.tripId }, { fields: ['driverId'] }))?.driverId ?? null;
}

/** The driver has read the order's thread up to message `seq`; the mark only moves forward (reads may race). */
export async function markThreadRead(em: EntityManager, driverId: string, orderId: string, seq: number): Promise<void> {
  await sql`insert into driver_thread_reads (driver_id, order_id, read_seq) values (${driverId}, ${orderId}, ${seq})
    on conflict (driver_id, order_id) do update set read_seq = excluded.read_seq
    where excluded.read_seq > driver_thread_reads.read_seq`.execute(sqlOn(em));
}

export const threadKey = (driverId: string, orderId: string) => `${driverId}\u0000${orderId}`;

/**
 * How many messages mention each driver on each of the orders given, after what they have read, keyed by
 * threadKey (absent when none). Mentions of a driver are few, so the rows are counted here.
 */
export async function unreadMentions(em: EntityManager, driverIds: readonly string[], orderIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (driverIds.length === 0 || orderIds.length === 0) return counts;
  const drivers = { $in: [...driverIds] };
  const orders = { $in: [...orderIds] };
  const mentions = await em.find(OrderMessageRecord, { mentionedDriverId: drivers, orderId: orders }, { fields: ['seq', 'orderId', 'mentionedDriverId'] });
  const reads = mentions.length ? await em.find(DriverThreadReadRecord, { driverId: drivers, orderId: orders }, { refresh: true }) : [];
  const readUpTo = new Map(reads.map((r) => [threadKey(r.driverId, r.orderId), r.readSeq]));
  for (const m of mentions) {
    const key = threadKey(m.mentionedDriverId!, m.orderId);
    if (m.seq > (readUpTo.get(key) ?? 0)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
