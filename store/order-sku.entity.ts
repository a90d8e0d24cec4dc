import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A SKU an order's lines carry (once per order): the orders table finds orders by SKU through it. */
export const OrderSkuRecord = defineEntity({
  name: 'OrderSkuRecord',
  tableName: 'order_skus',
  properties: {
    orderId: p.string().primary(),
    sku: p.string().primary(),
  },
  indexes: [{ properties: ['sku'] }],
});
export type OrderSkuRecord = InferEntity<typeof OrderSkuRecord>;
