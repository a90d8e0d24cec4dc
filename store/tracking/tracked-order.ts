import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { lastMileStatusOf, type LastMileStatus } from '../../domain/last-mile.ts';
import type { OrderState } from '../../domain/lifecycle.ts';
import { CUSTOMER_STATUS_WORDS, customerStatusOf, type TrackingView } from '../../domain/tracking.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';

/** A well-formed token: what newTrackingToken makes (16 bytes, base64url). Anything else names no order. */
const TOKEN = /^[A-Za-z0-9_-]{22}$/;
export const isTrackingToken = (text: string): boolean => TOKEN.test(text);

type Row = { id: string; reference: string | null; state: OrderState; last_mile_status: LastMileStatus | null; due_at: DateColumn; time_zone: string | null };

/** The order a tracking token names, by the token's unique index; null for any token that names none. */
export async function trackedOrderId(em: EntityManager, token: string): Promise<string | null> {
  if (!isTrackingToken(token)) return null;
  const { rows } = await sql<{ order_id: string }>`select order_id from order_tracking where token = ${token}`.execute(sqlOn(em));
  return rows[0]?.order_id ?? null;
}

/** What the customer's page shows for the order a token names, or null. */
export async function trackingViewOf(em: EntityManager, token: string): Promise<TrackingView | null> {
  const orderId = await trackedOrderId(em, token);
  if (!orderId) return null;
  const db = sqlOn(em);
  const { rows } = await sql<Row>`select o.id, o.reference, o.state, o.last_mile_status, o.due_at, a.time_zone from orders o left join work_areas a on a.id = o.work_area_id where o.id = ${orderId}`.execute(db);
  const order = rows[0];
  if (!order) return null;
  const status = customerStatusOf(order.state, order.last_mile_status);
  return {
    reference: order.reference ?? order.id,
    status,
    statusText: CUSTOMER_STATUS_WORDS[status],
    expectedAt: dateOf(order.due_at).toISOString(),
    timeZone: order.time_zone ?? 'UTC',
    lastMile: order.last_mile_status ? { status: order.last_mile_status, since: await lastMileSince(em, orderId, order.last_mile_status) } : null,
  };
}

/**
 * When the order last moved into a state that says its last-mile status: its latest such transition in the
 * audit log (found by the log's subject index). Escalated and closed say nothing of where the goods are.
 */
async function lastMileSince(em: EntityManager, orderId: string, status: LastMileStatus): Promise<string | null> {
  const { rows } = await sql<{ to_state: OrderState; at: DateColumn }>`select to_state, at from audit_log
    where subject_type = ${'order'} and subject_id = ${orderId} and to_state is not null order by seq desc limit ${50}`.execute(sqlOn(em));
  const found = rows.find((row) => lastMileStatusOf(row.to_state) === status);
  return found ? dateOf(found.at).toISOString() : null;
}
