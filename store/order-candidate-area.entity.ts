import type { EntityManager } from '@mikro-orm/sql';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

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
