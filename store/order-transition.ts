import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { DELIVERY_KINDS, lastMileStatusOf } from '../domain/last-mile.ts';
import { holdsSlot, inPool } from '../domain/lifecycle.ts';
import type { Escalation, Hold, OrderKind, OrderState } from '../domain/order.ts';
import { ORDER_STATE_EVENTS } from '../domain/webhook.ts';
import { insertAuditOnce } from './audit-log.ts';
import { endReservations } from './inventory/order-stock.ts';
import { lastMileRankSql } from './order-sort-ranks.ts';
import { notifiesOfTransition, notifyOfTransition } from './notifications/transition-notifications.ts';
import { jsonOf, jsonValue, sqlOn, type JsonColumn } from './sql.ts';
import { addWebhookEvent } from './webhooks/webhook-events.ts';

export interface OrderTransition {
  key: string;
  orderId: string;
  from: OrderState | null;
  to: OrderState;
  event: string;
  actor: string;
  reason: string | null;
  priorityScore: number | null;
  escalation: Escalation | null;
  holds: Hold[];
  assignee: string | null;
  data: Record<string, unknown> | null;
  /** When the order entered its area's pool, if this transition put it there; the pool's arrival order and a release's check. */
  poolEnteredAt?: string | null;
}

/** What entering a state does to the stock an order reserved: work done takes it, an order that will not be worked gives it back (a split's parts reserve their own). */
const ENDS_RESERVATIONS: Partial<Record<OrderState, 'released' | 'consumed'>> = {
  cancelled: 'released',
  rejected: 'released',
  returned: 'released',
  split: 'released',
  completed: 'consumed',
  delivered: 'consumed',
};

type OrderRow = { kind: OrderKind; reference: string | null; work_area_id: string };

/** Thrown inside the transaction of a transition whose order is not in the store, so nothing of it is written. */
export class OrderNotInStore extends Error {
  constructor(orderId: string) {
    super(`order ${orderId} is not in the store`);
  }
}

/**
 * Projects a transition onto the order's row and appends it to the audit log, in `tx`'s transaction, once
 * per key: 'recorded', or 'already' when an earlier attempt recorded it. Throws OrderNotInStore when the
 * order is not in the store, so that its transaction writes nothing.
 *
 * Two statements: on PostgreSQL every statement is a round trip, and every transition of every order
 * comes here. What the new row depends on in the old (whether the order was in the pool, its last-mile
 * status) is said in the update itself, whose assignments read the row as it was.
 */
export async function projectTransition(tx: EntityManager, t: OrderTransition, now: Date): Promise<'recorded' | 'already'> {
  const db = sqlOn(tx);
  // The audit entry first: its key says whether an earlier attempt recorded the transition, and a second
  // attempt running at once (PostgreSQL runs them side by side) waits on the first's key, then writes nothing.
  if (!(await insertAuditOnce(tx, { dedupeKey: t.key, subjectType: 'order', subjectId: t.orderId, action: t.event, fromState: t.from, toState: t.to, actor: t.actor, reason: t.reason, data: t.data, at: now }))) return 'already';
  const nowInPool = inPool(t.to, t.escalation);
  // The time it entered the pool, if this transition brings it there from outside.
  const enteredAt = nowInPool ? (t.poolEnteredAt ? new Date(t.poolEnteredAt) : now) : null;
  const released = t.to === 'released' && t.from !== 'released';
  const shipped = (t.to === 'delivered' || t.to === 'completed') && t.from !== t.to;
  // The cash a driver reports on delivery and the cash finance confirms: the day's reconciliation sums them.
  const amount = typeof t.data?.amount === 'number' ? t.data.amount : null;
  const collected = t.event === 'DELIVER' && amount !== null ? amount : null;
  const remitted = t.event === 'CONFIRM_REMIT' && amount !== null ? amount : null;
  // Who placed a hold this transition releases is in the row as it was; only such a transition reads it.
  const heldBefore = t.event === 'RELEASE_HOLD' ? await holdsOf(tx, t.orderId) : [];
  const { rows } = await sql<OrderRow>`update orders set
      state = ${t.to},
      last_mile_status = ${lastMileStatusAfter(t.to)},
      last_mile_rank = ${lastMileRankSql(lastMileStatusAfter(t.to))},
      priority_score = ${t.priorityScore},
      escalation = ${jsonValue(t.escalation)},
      holds = ${jsonValue(t.holds)},
      assignee = ${t.assignee},
      holds_slot = ${holdsSlot(t.to, t.escalation)},
      in_pool = ${nowInPool},
      queued_at = case when in_pool then queued_at else coalesce(${enteredAt}, queued_at) end,
      release_cycle_id = ${nowInPool ? sql`release_cycle_id` : null},
      released_at = coalesce(${released ? now : null}, released_at),
      finished_at = coalesce(${shipped ? now : null}, finished_at),
      cod_collected = coalesce(${collected}, cod_collected),
      cod_remitted = coalesce(${remitted}, cod_remitted),
      updated_at = ${now}
    where id = ${t.orderId}
    returning kind, reference, work_area_id`.execute(db);
  const order = rows[0];
  if (!order) throw new OrderNotInStore(t.orderId);
  const webhookEvent = t.from !== t.to ? ORDER_STATE_EVENTS[t.to] : undefined;
  if (webhookEvent) {
    const data = { orderId: t.orderId, reference: order.reference, kind: order.kind, workAreaId: order.work_area_id, from: t.from, to: t.to, event: t.event, actor: t.actor, reason: t.reason, assignee: t.assignee, escalation: t.escalation };
    addWebhookEvent(tx, webhookEvent, data, now);
  }
  if (notifiesOfTransition(t)) await notifyOfTransition(tx, t, order, heldBefore, now);
  const reservationsEnd = t.from !== t.to ? ENDS_RESERVATIONS[t.to] : undefined;
  if (reservationsEnd) await endReservations(tx, t.orderId, reservationsEnd, now);
  return 'recorded';
}

async function holdsOf(tx: EntityManager, orderId: string): Promise<Hold[]> {
  const { rows } = await sql<{ holds: JsonColumn<Hold[]> | null }>`select holds from orders where id = ${orderId}`.execute(sqlOn(tx));
  return rows[0]?.holds ? jsonOf(rows[0].holds) : [];
}

/**
 * nextLastMileStatus (domain/last-mile.ts) as SQL over the row before the transition: a delivery kind takes
 * the status of the state entered, else keeps its own, else starts Pending; other kinds have none.
 */
function lastMileStatusAfter(to: OrderState) {
  return sql`case when kind in (${sql.join(DELIVERY_KINDS)}) then coalesce(${lastMileStatusOf(to)}, last_mile_status, ${'Pending'}) end`;
}
