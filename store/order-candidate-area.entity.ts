import type { EntityManager } from '@mikro-orm/sql';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { sql } from 'kysely';
import { jsonOf, sqlOn, type JsonColumn } from './sql.ts';

/**
 * A work area that may release an order which more than one area could take: the order waits in the pool
 * of each, and the first cycle to grant it a slot takes it (the grant is a compare-and-set on the order).
 * Orders with one area have no rows here; their pool is their work area's.
 */
export const OrderCandidateAreaRecord = defineEntity({
  name: 'OrderCandidateAreaRecord',
  tableName: 'order_candidate_areas',
  properties: {
    id: p.string().primary(),
    orderId: p.string().index(),
    workAreaId: p.string().index(),
  },
});
export type OrderCandidateAreaRecord = InferEntity<typeof OrderCandidateAreaRecord>;

export function createCandidateAreas(em: EntityManager, orderId: string, workAreaIds: readonly string[]): void {
  if (workAreaIds.length < 2) return;
  for (const workAreaId of workAreaIds) em.create(OrderCandidateAreaRecord, { id: `${orderId}:${workAreaId}`, orderId, workAreaId });
}

/** The areas that may release the order, when more than one may; null when only its own work area may. */
export async function readCandidateAreas(em: EntityManager, orderId: string): Promise<string[] | null> {
  const { rows } = await sql<{ candidate_areas: JsonColumn<string[]> | null }>`select candidate_areas from orders where id = ${orderId}`.execute(sqlOn(em));
  const json = rows[0]?.candidate_areas;
  return json ? jsonOf(json) : null;
}
