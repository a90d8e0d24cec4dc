import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { OrderState } from '../domain/lifecycle.ts';
import type { OrderSnapshot } from '../domain/order-snapshot.ts';
import { dialectSql } from './dialect.ts';
import { projectTransition } from './order-transition.ts';
import { OrderRecord } from './order.entity.ts';
import { sqlOn } from './sql.ts';

/** States an order's workflow has ended in: the store cannot be behind an order it shows there. */
export const ENDED_STATES: readonly OrderState[] = ['closed', 'rejected', 'cancelled', 'split'];

/** An order as the read model shows it, with the last audit entry it had when read. */
export interface StoredOrder {
  id: string;
  state: OrderState;
  lastSeq: number | null;
  matches(snapshot: OrderSnapshot): boolean;
}

/** Open orders after `after` in id order, a page at a time. */
export async function openOrdersAfter(em: EntityManager, after: string | null, limit: number): Promise<StoredOrder[]> {
  const rows = await em.find(OrderRecord, { state: { $nin: [...ENDED_STATES] }, ...(after ? { id: { $gt: after } } : {}) }, { orderBy: { id: 'asc' }, limit });
  const seqs = await lastSeqs(em, rows.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    state: row.state,
    lastSeq: seqs.get(row.id) ?? null,
    matches: (s) =>
      s.state === row.state &&
      s.workAreaId === row.workAreaId &&
      s.priorityScore === (row.priorityScore ?? null) &&
      s.assignee === (row.assignee ?? null) &&
      JSON.stringify(s.holds) === JSON.stringify(row.holds ?? []) &&
      JSON.stringify(s.escalation) === JSON.stringify(row.escalation ?? null),
  }));
}

async function lastSeqs(em: EntityManager, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ subject_id: string; seq: number | string }>`select subject_id, max(seq) as seq from audit_log
    where subject_type = 'order' and subject_id in (${sql.join(ids)}) group by subject_id`.execute(sqlOn(em));
  return new Map(rows.map((r) => [r.subject_id, Number(r.seq)]));
}

/**
 * Brings the order's read model to its workflow's snapshot, recording the step in the audit log under
 * `key` (once), unless the order has been recorded since it was read: then its workflow has written a
 * transition after the restore, which carries the whole read model, and the snapshot may be older than it.
 */
export async function reconcileOrder(tx: EntityManager, order: StoredOrder, snapshot: OrderSnapshot, key: string, reason: string, now: Date): Promise<boolean> {
  const db = sqlOn(tx);
  await sql`select 1 from orders where id = ${order.id} ${dialectSql(tx).forUpdate}`.execute(db);
  if ((await lastSeqs(tx, [order.id])).get(order.id) !== (order.lastSeq ?? undefined)) return false;
  const outcome = await projectTransition(
    tx,
    {
      key,
      orderId: order.id,
      from: order.state,
      to: snapshot.state,
      event: 'RECONCILED',
      actor: 'system',
      reason,
      priorityScore: snapshot.priorityScore,
      escalation: snapshot.escalation,
      holds: snapshot.holds,
      assignee: snapshot.assignee,
      data: null,
      poolEnteredAt: snapshot.poolEnteredAt,
    },
    now,
  );
  // A release may have moved the order to another of its candidate areas.
  await sql`update orders set work_area_id = ${snapshot.workAreaId} where id = ${order.id} and work_area_id <> ${snapshot.workAreaId}`.execute(db);
  return outcome === 'recorded';
}
