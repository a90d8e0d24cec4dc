import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { sqlOn } from '../sql.ts';
import { demandBySku, readOrderDemand, reserveOrder, type OrderDemand } from './order-stock.ts';

/**
 * Reserves the stock of the orders a release cycle is about to release, in the cycle's transaction: each order
 * of a warehouse that reserves at release takes all its catalogue lines or none, by the conditional update
 * intake uses, in the order given (the cycle's rank). Answers the orders it could not cover, with the SKUs
 * short: they are not released. An order that holds its stock already (a receipt reserved it) takes nothing more.
 */
export async function reserveAtRelease(tx: EntityManager, orderIds: readonly string[], now: Date): Promise<Map<string, string[]>> {
  const short = new Map<string, string[]>();
  if (orderIds.length === 0) return short;
  const db = sqlOn(tx);
  const { rows } = await sql<{ id: string }>`select o.id from orders o join warehouse_settings w on w.warehouse = o.warehouse
    where w.reserve_at = ${'release'} and o.id in (${sql.join([...orderIds])})`.execute(db);
  const atRelease = new Set(rows.map((r) => r.id));
  const demands: (OrderDemand & { warehouse: string })[] = [];
  for (const id of orderIds.filter((o) => atRelease.has(o))) {
    const demand = await readOrderDemand(tx, id);
    if (demand?.warehouse && demand.known.size > 0) demands.push({ ...demand, warehouse: demand.warehouse });
  }
  await lockInOneOrder(tx, demands);
  for (const demand of demands) {
    const missing = await reserveOrder(tx, demand, now);
    if (missing.size > 0) short.set(demand.orderId, [...missing].sort());
  }
  return short;
}

/**
 * Takes every stock row the cycle may reserve from, sorted by warehouse and SKU, before reserving any: a cycle
 * reserves for many orders, and two cycles taking rows in each order's own order could each wait on the other
 * (PostgreSQL would abort one). Updating a row to itself takes its lock on both stores.
 */
async function lockInOneOrder(tx: EntityManager, demands: readonly (OrderDemand & { warehouse: string })[]): Promise<void> {
  const rows = new Set<string>();
  for (const demand of demands) for (const [sku] of demandBySku(demand)) rows.add(JSON.stringify([demand.warehouse, sku]));
  const sorted = [...rows].map((r) => JSON.parse(r) as [string, string]).sort(([wa, sa], [wb, sb]) => (wa === wb ? (sa < sb ? -1 : sa > sb ? 1 : 0) : wa < wb ? -1 : 1));
  for (const [warehouse, sku] of sorted) await sql`update stock set reserved = reserved where warehouse = ${warehouse} and sku = ${sku}`.execute(sqlOn(tx));
}
