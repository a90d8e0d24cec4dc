import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Escalation, OrderKind, OrderState, StatedPriority } from '../domain/order.ts';

export const OrderRecord = defineEntity({
  name: 'OrderRecord',
  tableName: 'orders',
  properties: {
    id: p.string().primary(),
    reference: p.string().nullable(),
    account: p.string(),
    kind: p.string().$type<OrderKind>(),
    statedPriority: p.string().$type<StatedPriority>(),
    dueAt: p.datetime(),
    workAreaId: p.string().index(),
    lines: p.json<{ sku: string; qty: number; price: number }[]>(),
    state: p.string().$type<OrderState>().index(),
    priorityScore: p.float().nullable(),
    escalation: p.json<Escalation>().nullable(),
    /** Intake is idempotent per key: a retried POST finds the order it created the first time. */
    idempotencyKey: p.string().nullable().unique(),
    /** Hash of the request body the key was first used with; a different body under the same key is refused. */
    requestHash: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type OrderRecord = InferEntity<typeof OrderRecord>;
