import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { sqlOn } from '../sql.ts';

/** Each SKU's price on a list serving the account, else on the default list. */
export async function listPricesFor(em: EntityManager, account: string, skus: readonly string[]): Promise<Map<string, number>> {
  if (skus.length === 0) return new Map();
  const { rows } = await sql<{ sku: string; price: number; is_default: boolean | number }>`select p.sku, p.price, l.is_default
    from prices p join price_lists l on l.id = p.price_list_id
    where p.sku in (${sql.join([...skus])})
      and (l.is_default = ${true} or l.id in (select a.price_list_id from price_list_accounts a where a.account = ${account}))
    order by p.sku, l.is_default, l.id`.execute(sqlOn(em));
  const prices = new Map<string, number>();
  // Ordered account lists first (false before true): the first row of a SKU is the one that counts.
  for (const r of rows) if (!prices.has(r.sku)) prices.set(r.sku, Number(r.price));
  return prices;
}
