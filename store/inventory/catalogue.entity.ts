import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A product as order lines name it (their `sku`). */
export const ProductRecord = defineEntity({
  name: 'ProductRecord',
  tableName: 'products',
  properties: {
    sku: p.string().primary(),
    name: p.string(),
    unit: p.string(),
    active: p.boolean(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type ProductRecord = InferEntity<typeof ProductRecord>;

/** A price list: the default one (one at most), or one serving the accounts its rows in price_list_accounts name. */
export const PriceListRecord = defineEntity({
  name: 'PriceListRecord',
  tableName: 'price_lists',
  properties: {
    id: p.string().primary(),
    name: p.string().unique(),
    isDefault: p.boolean(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type PriceListRecord = InferEntity<typeof PriceListRecord>;

/** An account code a price list serves; a plain string, as `orders.account` holds it. */
export const PriceListAccountRecord = defineEntity({
  name: 'PriceListAccountRecord',
  tableName: 'price_list_accounts',
  properties: {
    account: p.string().primary(),
    priceListId: p.string().primary(),
  },
  indexes: [{ properties: ['priceListId'] }],
});
export type PriceListAccountRecord = InferEntity<typeof PriceListAccountRecord>;

/** A SKU's price on one list. */
export const PriceRecord = defineEntity({
  name: 'PriceRecord',
  tableName: 'prices',
  properties: {
    priceListId: p.string().primary(),
    sku: p.string().primary(),
    price: p.double(),
  },
  indexes: [{ properties: ['sku'] }],
});
export type PriceRecord = InferEntity<typeof PriceRecord>;
