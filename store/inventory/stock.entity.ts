import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A SKU's stock in one warehouse: what is there, and how much of it orders hold. */
export const StockRecord = defineEntity({
  name: 'StockRecord',
  tableName: 'stock',
  properties: {
    warehouse: p.string().primary(),
    sku: p.string().primary(),
    onHand: p.integer(),
    reserved: p.integer(),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['sku'] }],
});
export type StockRecord = InferEntity<typeof StockRecord>;

/** What one order holds of a SKU in its warehouse (its lines of that SKU together). */
export const ReservationRecord = defineEntity({
  name: 'ReservationRecord',
  tableName: 'reservations',
  properties: {
    orderId: p.string().primary(),
    sku: p.string().primary(),
    warehouse: p.string(),
    qty: p.integer(),
    /** reserved → released (cancelled, rejected, returned, held) or consumed (completed). */
    status: p.string(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['warehouse', 'sku', 'status'] }],
});
export type ReservationRecord = InferEntity<typeof ReservationRecord>;

/** A stock receipt, under the id its sender gave it: a receipt sent again adds nothing. */
export const StockReceiptRecord = defineEntity({
  name: 'StockReceiptRecord',
  tableName: 'stock_receipts',
  properties: {
    id: p.string().primary(),
    warehouse: p.string(),
    lines: p.json<{ sku: string; qty: number }[]>(),
    receivedBy: p.string(),
    receivedAt: p.datetime(),
  },
  indexes: [{ properties: ['receivedAt'] }],
});
export type StockReceiptRecord = InferEntity<typeof StockReceiptRecord>;
