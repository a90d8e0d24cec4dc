import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { insertAudit, isRecorded } from './audit-log.ts';
import { dialectSql } from './dialect.ts';
import { dateOf, sqlOn, type DateColumn } from './sql.ts';

/** An operation-completed event as the order's workflow records it: the step, who reported it, and the key that makes it once. */
export interface OperationDone {
  key: string;
  orderId: string;
  position: number;
  actor: string;
  actorRoles?: readonly string[];
}

export type OperationDoneOutcome =
  | { outcome: 'recorded' | 'already'; workAreaId: string; last: boolean }
  | { outcome: 'no-operation' }
  | { outcome: 'not-next'; next: number | null };

type OperationRow = { position: number; work_area_id: string; done_at: DateColumn | null };

/**
 * Records that the order's operation at `position` is done, once per key: the step's time and who, the
 * next step's arrival at its area, and an audit entry. Steps are done in routing order, as the work
 * moves: a step that is not the first one open is refused ('not-next'). One already done answers
 * 'already', so a terminal that reports twice changes nothing.
 */
export async function recordOperationDone(tx: EntityManager, done: OperationDone, now: Date): Promise<OperationDoneOutcome> {
  const db = sqlOn(tx);
  // The order's row is locked first, as a transition locks it: two reports of one step wait for each other.
  await sql`select id from orders where id = ${done.orderId} ${dialectSql(tx).forUpdate}`.execute(db);
  const { rows } = await sql<OperationRow>`select position, work_area_id, done_at from order_operations where order_id = ${done.orderId} order by position`.execute(db);
  const step = rows.find((r) => r.position === done.position);
  if (!step) return { outcome: 'no-operation' };
  const last = done.position === rows[rows.length - 1]!.position;
  if (step.done_at !== null || (await isRecorded(tx, done.key))) return { outcome: 'already', workAreaId: step.work_area_id, last };
  const next = rows.find((r) => r.done_at === null)!;
  if (next.position !== done.position) return { outcome: 'not-next', next: next.position };
  await sql`update order_operations set done_at = ${now}, done_by = ${done.actor}, arrived_at = coalesce(arrived_at, ${now})
    where order_id = ${done.orderId} and position = ${done.position}`.execute(db);
  await sql`update order_operations set arrived_at = ${now} where order_id = ${done.orderId} and position = ${done.position + 1}`.execute(db);
  await insertAudit(tx, {
    dedupeKey: done.key,
    subjectType: 'order',
    subjectId: done.orderId,
    action: 'OPERATION_COMPLETED',
    fromState: 'in_progress',
    toState: 'in_progress',
    actor: done.actor,
    data: { position: done.position, workAreaId: step.work_area_id, ...(done.actorRoles ? { actorRoles: done.actorRoles } : {}) },
    at: now,
  });
  return { outcome: 'recorded', workAreaId: step.work_area_id, last };
}

/** The order's first operation arrives at its area with the order's release (again, after a return to the pool). */
export async function arriveAtFirstOperation(tx: EntityManager, orderId: string, now: Date): Promise<void> {
  await sql`update order_operations set arrived_at = ${now} where order_id = ${orderId} and position = ${1} and done_at is null`.execute(sqlOn(tx));
}

/** Back in the pool from released work (returned, or sent back by a person): nothing of it is at an area any more. */
export async function leaveOperations(tx: EntityManager, orderId: string): Promise<void> {
  await sql`update order_operations set arrived_at = null where order_id = ${orderId} and done_at is null`.execute(sqlOn(tx));
}

/**
 * Completing the order completes the operations still open (a dispatcher may complete an order whose
 * terminal never reported its last steps): no order ends with load left behind. Answers their areas.
 */
export async function completeOpenOperations(tx: EntityManager, orderId: string, actor: string, now: Date): Promise<string[]> {
  const db = sqlOn(tx);
  const { rows } = await sql<{ work_area_id: string }>`select work_area_id from order_operations where order_id = ${orderId} and done_at is null`.execute(db);
  if (rows.length === 0) return [];
  await sql`update order_operations set done_at = ${now}, done_by = ${actor}, arrived_at = coalesce(arrived_at, ${now}) where order_id = ${orderId} and done_at is null`.execute(db);
  return [...new Set(rows.map((r) => r.work_area_id))];
}

/** An order's routing with each step's progress, for its detail. */
export async function readOperationProgress(em: EntityManager, orderId: string) {
  const { rows } = await sql<{ position: number; work_area_id: string; hours: number; arrived_at: DateColumn | null; done_at: DateColumn | null; done_by: string | null }>`
    select position, work_area_id, hours, arrived_at, done_at, done_by from order_operations where order_id = ${orderId} order by position`.execute(sqlOn(em));
  return rows.map((r) => ({
    position: r.position,
    workAreaId: r.work_area_id,
    hours: r.hours,
    state: r.done_at !== null ? ('done' as const) : r.arrived_at !== null ? ('arrived' as const) : ('waiting' as const),
    arrivedAt: r.arrived_at === null ? null : dateOf(r.arrived_at).toISOString(),
    doneAt: r.done_at === null ? null : dateOf(r.done_at).toISOString(),
    doneBy: r.done_by,
  }));
}

/** Whether work has arrived at the area and is not done: its direct queue, of orders in process there. */
export async function directQueueEmpty(em: EntityManager, workAreaId: string): Promise<boolean> {
  const { rows } = await sql`select 1 from order_operations op join orders o on o.id = op.order_id
    where op.work_area_id = ${workAreaId} and op.done_at is null and op.arrived_at is not null and o.holds_slot = ${true} limit 1`.execute(sqlOn(em));
  return rows.length === 0;
}

/**
 * The gateways whose pools hold orders routed through the area: when its load drops, their cycles may
 * release what its norm held back. One query on the (area, done) index of the operations.
 */
export async function gatewaysRoutedThrough(em: EntityManager, workAreaId: string): Promise<string[]> {
  const { rows } = await gatewaysQuery(workAreaId).execute(sqlOn(em));
  return rows.map((r) => r.work_area_id);
}

export const gatewaysQuery = (workAreaId: string) => sql<{ work_area_id: string }>`select distinct o.work_area_id from order_operations op join orders o on o.id = op.order_id
    where op.work_area_id = ${workAreaId} and op.done_at is null and o.in_pool = ${true} and o.release_cycle_id is null`;
