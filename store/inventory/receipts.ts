import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { MAX_ON_HAND, type ReceiptInput } from '../../domain/inventory.ts';
import type { Hold } from '../../domain/lifecycle.ts';
import { placedBySystem } from '../../workflows/machines/order-core.ts';
import { jsonOf, jsonValue, sqlOn, type JsonColumn } from '../sql.ts';
import { reserveStoredOrder } from './order-stock.ts';

export type ReceiptRefusal = { unknownSkus: string[] } | { tooMuch: string };

/** Orders a receipt looks at for holds to clear, per pass: the oldest due first. */
const CLEARING_PASS = 500;

/**
 * Adds a receipt's units to the warehouse's on-hand stock, once per receipt id: `duplicate` when that id
 * was taken before (nothing added). Every SKU must be in the catalogue; a refusal writes nothing.
 */
export async function takeReceipt(em: EntityManager, receipt: ReceiptInput, by: string, now: Date): Promise<{ duplicate: boolean } | ReceiptRefusal> {
  const qtyBySku = new Map<string, number>();
  for (const l of receipt.lines) qtyBySku.set(l.sku, (qtyBySku.get(l.sku) ?? 0) + l.qty);
  const skus = [...qtyBySku.keys()].sort();
  return em.transactional(async (tx) => {
    const db = sqlOn(tx);
    const known = new Set((await sql<{ sku: string }>`select sku from products where sku in (${sql.join(skus)})`.execute(db)).rows.map((r) => r.sku));
    const unknownSkus = skus.filter((s) => !known.has(s));
    if (unknownSkus.length > 0) return { unknownSkus };
    const { rows } = await sql<{ id: string }>`insert into stock_receipts (id, warehouse, lines, received_by, received_at)
      values (${receipt.id}, ${receipt.warehouse}, ${jsonValue(receipt.lines)}, ${by}, ${now}) on conflict (id) do nothing returning id`.execute(db);
    if (rows.length === 0) return { duplicate: true };
    for (const sku of skus) {
      const qty = qtyBySku.get(sku)!;
      const added = await sql<{ sku: string }>`insert into stock (warehouse, sku, on_hand, reserved, updated_at) values (${receipt.warehouse}, ${sku}, ${qty}, ${0}, ${now})
        on conflict (warehouse, sku) do update set on_hand = stock.on_hand + excluded.on_hand, updated_at = excluded.updated_at
        where stock.on_hand + excluded.on_hand <= ${MAX_ON_HAND} returning sku`.execute(db);
      // Thrown so the transaction writes nothing of the receipt; answered as a refusal below.
      if (added.rows.length === 0 || qty > MAX_ON_HAND) throw new TooMuchStock(sku);
    }
    return { duplicate: false };
  }).catch((err: unknown) => {
    if (err instanceof TooMuchStock) return { tooMuch: err.sku };
    throw err;
  });
}

class TooMuchStock extends Error {
  readonly sku: string;
  constructor(sku: string) {
    super(`stock of ${sku} would pass ${MAX_ON_HAND}`);
    this.sku = sku;
  }
}

/**
 * The orders on an inventory hold Sluice placed (at intake, at a release, on a split's part), in the warehouse, naming one of `skus`, that
 * now hold all their lines: each reserves in a transaction of its own, oldest due first, so the units
 * received go to the orders due soonest. An order that reserved in an earlier pass (whose hold was not
 * cleared yet) counts again, so a receipt sent again finishes what a first attempt left.
 */
export async function reserveForHeldOrders(em: EntityManager, warehouse: string, skus: readonly string[], now: Date): Promise<string[]> {
  const { rows } = await sql<{ id: string; holds: JsonColumn<Hold[]> | null }>`select o.id, o.holds from orders o
    where o.state = ${'on_hold'} and o.warehouse = ${warehouse}
      and exists (select 1 from order_skus s where s.order_id = o.id and s.sku in (${sql.join([...skus])}))
    order by o.due_at, o.id limit ${CLEARING_PASS}`.execute(sqlOn(em));
  const held = rows.filter((r) => (r.holds ? jsonOf(r.holds) : []).some((h) => h.type === 'inventory' && placedBySystem(h)));
  const covered: string[] = [];
  for (const { id } of held) if (await em.fork().transactional((tx) => reserveStoredOrder(tx, id, now))) covered.push(id);
  return covered;
}
