import type { EntityManager } from '@mikro-orm/sql';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { RoutingStep } from '../domain/order.ts';

/**
 * One operation of a production order's routing, kept row by row so that a release cycle can sum the
 * load of released, unfinished work on any area with one indexed query. The order keeps its routing as
 * it was posted; these rows are derived from it when the order is stored, and carry the operation's
 * progress: when it arrived at its area (the first on the order's release, each next one when the one
 * before is done) and when it was done there, and by whom. Load leaves an area when its operation is done.
 */
export const OrderOperationRecord = defineEntity({
  name: 'OrderOperationRecord',
  tableName: 'order_operations',
  properties: {
    id: p.string().primary(),
    orderId: p.string().index(),
    workAreaId: p.string().index(),
    /** 1 for the first operation, where the order is released. */
    position: p.integer(),
    hours: p.float(),
    arrivedAt: p.datetime().nullable(),
    doneAt: p.datetime().nullable(),
    doneBy: p.string().nullable(),
  },
  // The load of an area sums its operations not yet done; the gateways a load drop concerns are read the same way.
  indexes: [{ properties: ['workAreaId', 'doneAt'] }],
});
export type OrderOperationRecord = InferEntity<typeof OrderOperationRecord>;

export function createOperations(em: EntityManager, orderId: string, routing: readonly RoutingStep[]): void {
  routing.forEach((step, i) => em.create(OrderOperationRecord, { id: `${orderId}:${i + 1}`, orderId, workAreaId: step.workAreaId, position: i + 1, hours: step.hours }));
}
