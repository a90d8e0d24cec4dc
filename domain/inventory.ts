import { z } from 'zod';
import { geoPoint } from './geo.ts';
import { MAX_PRICE, MAX_QTY } from './order.ts';
import { ID_MAX, oneLine } from './text.ts';

/** A stock row's on-hand units stay well inside a 32-bit integer column on both stores. */
export const MAX_ON_HAND = 1_000_000_000;
export const MAX_RECEIPT_LINES = 1_000;
export const MAX_PRICES_PER_REQUEST = 1_000;
export const MAX_LIST_ACCOUNTS = 1_000;
export const PRODUCTS_PAGE_MAX = 500;

export const sku = oneLine(64, 'sku is required');
export const warehouse = oneLine(50, 'warehouse is required');

export const productInput = z.strictObject({
  name: oneLine(200, 'name is required'),
  unit: oneLine(20, 'unit is required').default('each'),
  active: z.boolean().default(true),
});
export const product = z.object({ sku: z.string(), name: z.string(), unit: z.string(), active: z.boolean(), updatedAt: z.iso.datetime() });
export type Product = z.infer<typeof product>;

export const priceListInput = z.strictObject({
  name: oneLine(100, 'name is required'),
  isDefault: z.boolean().default(false).describe('The list for accounts no other list serves, and for SKUs their list does not price. One list at most is the default.'),
  accounts: z.array(oneLine(100)).max(MAX_LIST_ACCOUNTS).default([]).describe('The account codes this list serves (as orders name their account).'),
});
export const priceList = z.object({ id: z.string(), name: z.string(), isDefault: z.boolean(), accounts: z.array(z.string()) });
export type PriceList = z.infer<typeof priceList>;

export const price = z.strictObject({ sku, price: z.number().nonnegative('price cannot be negative').max(MAX_PRICE) });
export const pricesInput = z.strictObject({ prices: z.array(price).min(1).max(MAX_PRICES_PER_REQUEST) });
export type Price = z.infer<typeof price>;

export const stockRow = z.object({ warehouse: z.string(), sku: z.string(), onHand: z.number(), reserved: z.number(), available: z.number() });
export type StockRow = z.infer<typeof stockRow>;

export const receiptLine = z.strictObject({ sku, qty: z.number().int('qty must be a whole number').positive('qty must be at least 1').max(MAX_QTY) });
export const receiptInput = z.strictObject({
  id: oneLine(ID_MAX, 'id is required').describe('The receipt id the sender gives it: a receipt sent again under the same id adds nothing.'),
  warehouse,
  lines: z.array(receiptLine).min(1, 'a receipt has at least one line').max(MAX_RECEIPT_LINES),
});
export type ReceiptInput = z.infer<typeof receiptInput>;

export const receiptResult = z.object({
  id: z.string(),
  duplicate: z.boolean().describe('True when a receipt of this id was taken before: stock was not added again.'),
  cleared: z.array(z.string()).describe("Orders on an inventory hold in the warehouse that now hold their stock, and whose hold was passed on to be released."),
});
export type ReceiptResult = z.infer<typeof receiptResult>;

export const receiptRowReport = z.object({
  row: z.number().describe('The row number in the file (the header is row 1).'),
  outcome: z.enum(['received', 'duplicate', 'invalid']),
  problems: z.array(z.string()),
});
export const receiptUploadResult = z.object({ rows: z.array(receiptRowReport), cleared: z.array(z.string()) });

export type ReceiptUploadResult = z.infer<typeof receiptUploadResult>;

export const splitProposal = z.object({
  parts: z.array(z.array(z.number().int())).describe('Line numbers (from 0): the lines in stock now, then the rest.'),
});
export type SplitProposal = z.infer<typeof splitProposal>;

/**
 * When a warehouse's orders take their stock: at acceptance (the intake decision reserves, so what is accepted
 * holds its units from then on), or at release (a release cycle reserves as it releases, so stock is not tied
 * up by orders waiting in the pool; one short then is not released but held for inventory).
 */
export const RESERVE_AT = ['acceptance', 'release'] as const;
export type ReserveAt = (typeof RESERVE_AT)[number];
/** A warehouse nobody set up reserves at acceptance, as every warehouse did before the choice. */
export const DEFAULT_RESERVE_AT: ReserveAt = 'acceptance';

/** A change to one warehouse's settings: what is left out keeps its value. */
export const warehouseSettingsInput = z
  .strictObject({
    reserveAt: z.enum(RESERVE_AT).describe('When the orders of this warehouse reserve their stock: at acceptance or at release.').optional(),
    location: geoPoint.nullable().describe('Where the warehouse is: the depot its trips start from and return to; null when unknown.').optional(),
  })
  .refine((s) => s.reserveAt !== undefined || s.location !== undefined, 'give reserveAt or location (or both): there is nothing to change');
export type WarehouseSettingsInput = z.infer<typeof warehouseSettingsInput>;
export const warehouseSettings = z.object({
  warehouse: z.string(),
  reserveAt: z.enum(RESERVE_AT),
  location: geoPoint.nullable().describe('Where the warehouse is (the depot of trips planned from it); null until someone sets it.'),
  updatedAt: z.iso.datetime().nullable().describe('When the setting was last changed; null while the warehouse keeps the default.'),
  updatedBy: z.string().nullable(),
});
export type WarehouseSettings = z.infer<typeof warehouseSettings>;
