import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { nextLastMileStatus, type LastMileStatus } from '../domain/last-mile.ts';
import { holdsSlot, inPool } from '../domain/lifecycle.ts';
import type { Escalation, Hold, OrderKind, OrderState } from '../domain/order.ts';
import { ORDER_STATE_EVENTS } from '../domain/webhook.ts';
import { insertAuditOnce } from './audit-log.ts';
import { dialectSql } from './dialect.ts';
import { jsonValue, sqlOn } from './sql.ts';
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

type OrderRow = { kind: OrderKind; last_mile_status: LastMileStatus | null; in_pool: number | boolean; reference: string | null; work_area_id: string };

/**
 * Projects a transition onto the order's row and appends it to the audit log, in `tx`'s transaction, once
 * per key: 'recorded', 'already' when an earlier attempt recorded it, 'no-order' when the order is not in the store.
 */
export async function projectTransition(tx: EntityManager, t: OrderTransition, now: Date): Promise<'recorded' | 'already' | 'no-order'> {
  const db = sqlOn(tx);
  // The order's row is locked first: a second attempt of the same transition running at once (PostgreSQL
  // runs them side by side) waits for the first to commit and then finds it recorded.
  const { rows } = await sql<OrderRow>`select kind, last_mile_status, in_pool, reference, work_area_id from orders where id = ${t.orderId} ${dialectSql(tx).forUpdate}`.execute(db);
  const order = rows[0];
  if (!order) return 'no-order';
  // The audit entry first: its key says whether an earlier attempt recorded the transition, in the same statement.
  if (!(await insertAuditOnce(tx, { dedupeKey: t.key, subjectType: 'order', subjectId: t.orderId, action: t.event, fromState: t.from, toState: t.to, actor: t.actor, reason: t.reason, data: t.data, at: now }))) return 'already';
  const nowInPool = inPool(t.to, t.escalation);
  const entersPool = nowInPool && !order.in_pool;
  const queuedAt = entersPool ? (t.poolEnteredAt ? new Date(t.poolEnteredAt) : now) : null;
  const released = t.to === 'released' && t.from !== 'released';
  await sql`update orders set
      state = ${t.to},
      last_mile_status = ${nextLastMileStatus(order.kind, order.last_mile_status, t.to)},
      priority_score = ${t.priorityScore},
      escalation = ${jsonValue(t.escalation)},
      holds = ${jsonValue(t.holds)},
      assignee = ${t.assignee},
      holds_slot = ${holdsSlot(t.to, t.escalation)},
      in_pool = ${nowInPool},
      queued_at = coalesce(${queuedAt}, queued_at),
      release_cycle_id = ${nowInPool ? sql`release_cycle_id` : null},
      released_at = coalesce(${released ? now : null}, released_at),
      updated_at = ${now}
    where id = ${t.orderId}`.execute(db);
  const webhookEvent = t.from !== t.to ? ORDER_STATE_EVENTS[t.to] : undefined;
  if (webhookEvent) {
    const data = { orderId: t.orderId, reference: order.reference, kind: order.kind, workAreaId: order.work_area_id, from: t.from, to: t.to, event: t.event, actor: t.actor, reason: t.reason, assignee: t.assignee, escalation: t.escalation };
    addWebhookEvent(tx, webhookEvent, data, now);
  }
  return 'recorded';
}
