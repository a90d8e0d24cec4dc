import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CarrierType } from '../../domain/order.ts';
import type { WaybillState } from '../../domain/waybills/waybill.ts';

/** Deliveries grouped for one lane (origin warehouse, destination zone, carrier type), open then sealed. */
export const WaybillRecord = defineEntity({
  name: 'WaybillRecord',
  tableName: 'waybills',
  properties: {
    id: p.string().primary(),
    origin: p.string(),
    destination: p.string(),
    carrierType: p.string().$type<CarrierType>(),
    state: p.string().$type<WaybillState>(),
    note: p.string().nullable(),
    version: p.integer().default(0),
    createdBy: p.string(),
    createdAt: p.datetime(),
    sealedBy: p.string().nullable(),
    sealedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['state', 'createdAt'] }],
});
export type WaybillRecord = InferEntity<typeof WaybillRecord>;

/**
 * An order on a waybill: the primary key on the order keeps it on one waybill at most. Triggers (the
 * waybills_sealed migration) refuse adding or removing rows of a sealed waybill, whatever code tries.
 */
export const WaybillOrderRecord = defineEntity({
  name: 'WaybillOrderRecord',
  tableName: 'waybill_orders',
  properties: {
    orderId: p.string().primary(),
    waybillId: p.string().index(),
    addedAt: p.datetime(),
  },
});
export type WaybillOrderRecord = InferEntity<typeof WaybillOrderRecord>;
