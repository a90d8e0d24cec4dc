import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { OrderKind, PaymentMode } from '../domain/order.ts';
import { dateOf, sqlOn, type DateColumn } from './sql.ts';

export interface UnstartedOrder {
  id: string;
  workAreaId: string;
  dueAt: Date;
  kind: OrderKind;
  paymentMode: PaymentMode;
}

type Row = { id: string; work_area_id: string; due_at: DateColumn; kind: OrderKind; payment_mode: PaymentMode };

/**
 * Orders taken before `takenBefore` that may have no workflow: still captured (a workflow moves its order
 * out of captured at once) and not yet confirmed by a sweep. A split's children are left out: their
 * parent's workflow starts them as its children. Oldest first.
 */
export async function findUnstartedOrders(em: EntityManager, takenBefore: Date, limit: number): Promise<UnstartedOrder[]> {
  const { rows } = await sql<Row>`select id, work_area_id, due_at, kind, payment_mode from orders
    where state = ${'captured'} and parent_id is null and workflow_confirmed_at is null and created_at < ${takenBefore}
    order by created_at, id limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({ id: r.id, workAreaId: r.work_area_id, dueAt: dateOf(r.due_at), kind: r.kind, paymentMode: r.payment_mode }));
}

/** The order's workflow exists: sweeps pass over it from now on. */
export async function confirmWorkflow(em: EntityManager, orderId: string, at: Date): Promise<void> {
  await sql`update orders set workflow_confirmed_at = ${at} where id = ${orderId} and workflow_confirmed_at is null`.execute(sqlOn(em));
}
