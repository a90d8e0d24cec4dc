import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { StockRow } from '../../domain/inventory.ts';
import { sqlOn } from '../sql.ts';

/** Stock rows by warehouse and SKU. */
export async function listStock(em: EntityManager, filter: { warehouse?: string | undefined; sku?: string | undefined }, limit: number): Promise<StockRow[]> {
  const { rows } = await sql<{ warehouse: string; sku: string; on_hand: number; reserved: number }>`select warehouse, sku, on_hand, reserved from stock
    where ${filter.warehouse === undefined ? sql`1 = 1` : sql`warehouse = ${filter.warehouse}`} and ${filter.sku === undefined ? sql`1 = 1` : sql`sku = ${filter.sku}`}
    order by warehouse, sku limit ${limit}`.execute(sqlOn(em));
  return rows.map((r) => ({ warehouse: r.warehouse, sku: r.sku, onHand: Number(r.on_hand), reserved: Number(r.reserved), available: Number(r.on_hand) - Number(r.reserved) }));
}
