import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Price, PriceList, Product } from '../../domain/inventory.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';

type ProductRow = { sku: string; name: string; unit: string; active: boolean | number; updated_at: DateColumn };
const productOf = (r: ProductRow): Product => ({ sku: r.sku, name: r.name, unit: r.unit, active: Boolean(r.active), updatedAt: dateOf(r.updated_at).toISOString() });

/** Products by SKU, after `after`. */
export async function listProducts(em: EntityManager, after: string | null, limit: number): Promise<Product[]> {
  const { rows } = await sql<ProductRow>`select sku, name, unit, active, updated_at from products where sku > ${after ?? ''} order by sku limit ${limit}`.execute(sqlOn(em));
  return rows.map(productOf);
}

export async function putProduct(em: EntityManager, sku: string, p: { name: string; unit: string; active: boolean }, now: Date): Promise<Product> {
  const { rows } = await sql<ProductRow>`insert into products (sku, name, unit, active, created_at, updated_at) values (${sku}, ${p.name}, ${p.unit}, ${p.active}, ${now}, ${now})
    on conflict (sku) do update set name = excluded.name, unit = excluded.unit, active = excluded.active, updated_at = excluded.updated_at
    returning sku, name, unit, active, updated_at`.execute(sqlOn(em));
  return productOf(rows[0]!);
}

export async function listPriceLists(em: EntityManager): Promise<PriceList[]> {
  const db = sqlOn(em);
  const lists = (await sql<{ id: string; name: string; is_default: boolean | number }>`select id, name, is_default from price_lists order by name`.execute(db)).rows;
  const accounts = (await sql<{ price_list_id: string; account: string }>`select price_list_id, account from price_list_accounts order by account`.execute(db)).rows;
  return lists.map((l) => ({ id: l.id, name: l.name, isDefault: Boolean(l.is_default), accounts: accounts.filter((a) => a.price_list_id === l.id).map((a) => a.account) }));
}

export type PriceListRefusal = 'not_found' | 'name_taken';

/** Creates (no id) or replaces a price list, in one transaction; a list made default makes the others not. */
export async function savePriceList(em: EntityManager, id: string | null, input: Omit<PriceList, 'id'>, now: Date): Promise<PriceList | PriceListRefusal> {
  return em.transactional(async (tx) => {
    const db = sqlOn(tx);
    const listId = id ?? randomUUID();
    const named = (await sql<{ id: string }>`select id from price_lists where name = ${input.name}`.execute(db)).rows[0];
    if (named && named.id !== listId) return 'name_taken';
    if (id === null) {
      await sql`insert into price_lists (id, name, is_default, created_at, updated_at) values (${listId}, ${input.name}, ${input.isDefault}, ${now}, ${now})`.execute(db);
    } else {
      const { rows } = await sql<{ id: string }>`update price_lists set name = ${input.name}, is_default = ${input.isDefault}, updated_at = ${now} where id = ${listId} returning id`.execute(db);
      if (rows.length === 0) return 'not_found';
    }
    if (input.isDefault) await sql`update price_lists set is_default = ${false} where id <> ${listId} and is_default = ${true}`.execute(db);
    await sql`delete from price_list_accounts where price_list_id = ${listId}`.execute(db);
    for (const account of new Set(input.accounts)) await sql`insert into price_list_accounts (account, price_list_id) values (${account}, ${listId})`.execute(db);
    return { id: listId, ...input, accounts: [...new Set(input.accounts)].sort() };
  });
}

export async function listPrices(em: EntityManager, priceListId: string): Promise<Price[] | null> {
  const db = sqlOn(em);
  if ((await sql`select id from price_lists where id = ${priceListId}`.execute(db)).rows.length === 0) return null;
  const { rows } = await sql<{ sku: string; price: number }>`select sku, price from prices where price_list_id = ${priceListId} order by sku`.execute(db);
  return rows.map((r) => ({ sku: r.sku, price: Number(r.price) }));
}

/** Sets SKUs' prices on a list, in one transaction: false when there is no such list. */
export async function putPrices(em: EntityManager, priceListId: string, prices: readonly Price[]): Promise<boolean> {
  return em.transactional(async (tx) => {
    const db = sqlOn(tx);
    if ((await sql`select id from price_lists where id = ${priceListId}`.execute(db)).rows.length === 0) return false;
    for (const p of prices) {
      await sql`insert into prices (price_list_id, sku, price) values (${priceListId}, ${p.sku}, ${p.price}) on conflict (price_list_id, sku) do update set price = excluded.price`.execute(db);
    }
    return true;
  });
}
