import { z } from 'zod';
import { priceList, priceListInput, pricesInput, price, product, productInput, PRODUCTS_PAGE_MAX, receiptInput, receiptResult, receiptUploadResult, sku, splitProposal, stockRow, warehouse, warehouseSettings, warehouseSettingsInput } from '../../domain/inventory.ts';
import { ID_MAX, oneLine } from '../../domain/text.ts';
import { listPriceLists, listPrices, listProducts, putPrices, putProduct, savePriceList } from '../../store/inventory/catalogue.ts';
import { listStock } from '../../store/inventory/stock.ts';
import { listWarehouseSettings, putWarehouseSettings } from '../../store/inventory/warehouse-settings.ts';
import type { ApiDeps } from '../api-deps.ts';
import { actorOf } from '../auth/principal.ts';
import { notFound, UserError } from '../errors.ts';
import { readUpload } from '../imports/read-upload.ts';
import { defineRoute } from '../registry/route.ts';
import { errorBody, idParams, pathId, STANDARD_ERRORS } from '../schemas.ts';
import { receiveStock, receiveStockRows } from './receive-stock.ts';
import { proposeSplitByAvailability } from './split-by-availability.ts';

const NAME_TAKEN = { description: 'Another price list has that name.', schema: errorBody };
const nameTaken = (name: string) => new UserError(409, 'conflict', `A price list named "${name}" exists already: choose another name.`);
const RECEIPT_REFUSED = { description: 'A SKU is not in the catalogue, or the stock would pass what a row holds; nothing was taken.', schema: errorBody };

/** Products, price lists and prices (#19): read by every desk, changed by who owns the commercial terms. */
export function catalogueRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  return [
    defineRoute({
      method: 'get',
      path: '/products',
      operationId: 'listProducts',
      summary: 'Products, by SKU',
      tag: 'Inventory',
      access: 'inventory.read',
      query: z.object({ after: oneLine(64).optional().describe('The last SKU of the page before.'), limit: z.coerce.number().int().min(1).max(PRODUCTS_PAGE_MAX).default(100) }),
      responses: { 200: { description: 'A page of products, by SKU.', schema: z.object({ products: z.array(product) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ products: await listProducts(em(), query.after ?? null, query.limit) }),
    }),
    defineRoute({
      method: 'put',
      path: '/products/:sku',
      operationId: 'putProduct',
      summary: 'Adding or changing a product',
      tag: 'Inventory',
      access: 'products.manage',
      params: z.object({ sku }),
      body: productInput,
      responses: { 200: { description: 'The product as stored. An inactive product counts as unknown to intake.', schema: product }, ...STANDARD_ERRORS },
      handler: async (c, { params, body }) => c.json(await putProduct(em(), params.sku, body, new Date())),
    }),
    defineRoute({
      method: 'get',
      path: '/price-lists',
      operationId: 'listPriceLists',
      summary: 'Price lists and the accounts each serves',
      tag: 'Inventory',
      access: 'inventory.read',
      responses: { 200: { description: 'Every price list, by name.', schema: z.object({ priceLists: z.array(priceList) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ priceLists: await listPriceLists(em()) }),
    }),
    defineRoute({
      method: 'post',
      path: '/price-lists',
      operationId: 'createPriceList',
      summary: 'Adding a price list',
      tag: 'Inventory',
      access: 'products.manage',
      body: priceListInput,
      responses: { 201: { description: 'Added.', schema: priceList }, 409: NAME_TAKEN, ...STANDARD_ERRORS },
      handler: async (c, { body }) => {
        const saved = await savePriceList(em(), null, body, new Date());
        if (typeof saved === 'string') throw nameTaken(body.name);
        return c.json(saved, 201);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/price-lists/:id',
      operationId: 'updatePriceList',
      summary: 'Changing a price list (its name, whether it is the default, its accounts)',
      tag: 'Inventory',
      access: 'products.manage',
      params: idParams,
      body: priceListInput,
      responses: { 200: { description: 'Changed.', schema: priceList }, 404: { description: 'No such price list.', schema: errorBody }, 409: NAME_TAKEN, ...STANDARD_ERRORS },
      handler: async (c, { params, body }) => {
        const saved = await savePriceList(em(), params.id, body, new Date());
        if (saved === 'not_found') throw notFound(`Price list ${params.id}`);
        if (saved === 'name_taken') throw nameTaken(body.name);
        return c.json(saved);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/price-lists/:id/prices',
      operationId: 'listPrices',
      summary: "A price list's prices",
      tag: 'Inventory',
      access: 'inventory.read',
      params: idParams,
      responses: { 200: { description: 'Its prices, by SKU.', schema: z.object({ prices: z.array(price) }) }, 404: { description: 'No such price list.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params }) => {
        const prices = await listPrices(em(), params.id);
        if (!prices) throw notFound(`Price list ${params.id}`);
        return c.json({ prices });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/price-lists/:id/prices',
      operationId: 'putPrices',
      summary: 'Setting prices on a price list',
      tag: 'Inventory',
      access: 'products.manage',
      params: idParams,
      body: pricesInput,
      responses: { 200: { description: 'Set; the list\'s other prices are kept.', schema: z.object({ updated: z.number() }) }, 404: { description: 'No such price list.', schema: errorBody }, ...STANDARD_ERRORS },
      handler: async (c, { params, body }) => {
        if (!(await putPrices(em(), params.id, body.prices))) throw notFound(`Price list ${params.id}`);
        return c.json({ updated: body.prices.length });
      },
    }),
  ];
}

/** Stock per warehouse, receipts, and the split of a short order by what is in stock. */
export function stockRoutes(deps: ApiDeps) {
  const em = () => deps.store.em.fork();
  return [
    defineRoute({
      method: 'get',
      path: '/stock',
      operationId: 'listStock',
      summary: 'Stock per warehouse: on hand, reserved, available',
      tag: 'Inventory',
      access: 'inventory.read',
      query: z.object({ warehouse: warehouse.optional(), sku: sku.optional(), limit: z.coerce.number().int().min(1).max(PRODUCTS_PAGE_MAX).default(200) }),
      responses: { 200: { description: 'Stock rows by warehouse and SKU.', schema: z.object({ stock: z.array(stockRow) }) }, ...STANDARD_ERRORS },
      handler: async (c, { query }) => c.json({ stock: await listStock(em(), query, query.limit) }),
    }),
    defineRoute({
      method: 'get',
      path: '/warehouses',
      operationId: 'listWarehouses',
      summary: 'Warehouses (any with stock or settings) and when their orders reserve stock',
      tag: 'Inventory',
      access: 'inventory.read',
      responses: { 200: { description: 'Each warehouse with its settings, by name; one nobody set up reserves at acceptance.', schema: z.object({ warehouses: z.array(warehouseSettings) }) }, ...STANDARD_ERRORS },
      handler: async (c) => c.json({ warehouses: await listWarehouseSettings(em()) }),
    }),
    defineRoute({
      method: 'put',
      path: '/warehouses/:warehouse',
      operationId: 'putWarehouseSettings',
      summary: 'Setting when a warehouse\'s orders reserve their stock, and where it is (the depot of its trips)',
      tag: 'Inventory',
      access: 'warehouses.manage',
      params: z.object({ warehouse }),
      body: warehouseSettingsInput,
      responses: {
        200: { description: 'Set, and audited. Orders keep what they hold: the setting decides intakes and releases from now on.', schema: warehouseSettings },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params, body, principal }) => c.json(await putWarehouseSettings(em(), params.warehouse, body, actorOf(principal), new Date())),
    }),
    defineRoute({
      method: 'post',
      path: '/stock/receipts',
      operationId: 'receiveStock',
      summary: 'Receiving stock into a warehouse',
      tag: 'Inventory',
      access: 'stock.receive',
      body: receiptInput,
      responses: {
        200: { description: 'Taken (or taken before, under this id): the orders on an inventory hold this stock now covers reserve it, and their holds are released.', schema: receiptResult },
        422: RECEIPT_REFUSED,
        503: { description: 'The stock was taken, but Temporal cannot be reached to release the holds it covers: send the receipt again (it adds nothing twice).', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { body, principal }) => c.json(await receiveStock(deps, body, actorOf(principal))),
    }),
    defineRoute({
      method: 'post',
      path: '/stock/receipts/upload',
      operationId: 'uploadStockReceipts',
      summary: 'Receiving stock from a file',
      tag: 'Inventory',
      access: 'stock.receive',
      query: z.object({ id: oneLine(ID_MAX - 10, 'id is required').describe('The upload\'s id: each row is a receipt `<id>:<row>`, so the same file sent again adds nothing.') }),
      responses: {
        200: {
          description: 'A CSV (or XLSX) file of up to 1 MiB as the body, with a header row naming sku, warehouse and qty, a receipt a row: each row\'s outcome (received, duplicate, invalid and why), and the orders whose inventory holds the file cleared.',
          schema: receiptUploadResult,
        },
        413: { description: 'The file is too large: split it.', schema: errorBody },
        503: { description: 'The stock was taken, but Temporal cannot be reached to release the holds it covers: send the file again (it adds nothing twice).', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { query, principal }) => c.json(await receiveStockRows(deps, query.id, await readUpload(c.req.raw.body), actorOf(principal))),
    }),
    defineRoute({
      method: 'get',
      path: '/orders/:id/split-by-availability',
      operationId: 'proposeSplitByAvailability',
      summary: 'Proposing a split of an order into the lines in stock now and the rest',
      tag: 'Inventory',
      access: 'inventory.read',
      params: z.object({ id: pathId }),
      responses: {
        200: { description: 'The parts for the split action (`parts`): the lines its warehouse can cover now, then the rest.', schema: splitProposal },
        404: { description: 'No such order.', schema: errorBody },
        409: { description: 'No split to propose: the order names no warehouse, or all or none of its lines are in stock.', schema: errorBody },
        ...STANDARD_ERRORS,
      },
      handler: async (c, { params }) => c.json(await proposeSplitByAvailability(em(), params.id)),
    }),
  ];
}
