import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { OPEN_ORDER_STATES, type AccountExposure } from '../../domain/account.ts';
import { sqlOn } from '../sql.ts';

/*
 * An account's exposure is its open orders' value plus its receivable. The receivable is kept on the
 * account by postToAccount; the open orders are summed when asked, from the (account, state, order_value)
 * index: a range per open state, so the cost is the account's open orders, never its history. Summing
 * rather than keeping a running total means no transition of any order has to touch its account's row (a
 * hot row for a major account, written by every order it places) and the figure cannot drift: it is what
 * is committed at the moment it is read.
 */

/** Orders taken before their totals were stored have no order_value; they count as nothing here. */
/** An open order already invoiced is owed through its invoice, in the receivable: it is not counted twice. */
const openOrdersSql = (codes: readonly string[]) =>
  sql<{ account: string; value: number | string | null; count: number | string }>`select account, sum(order_value) as value, count(*) as count from orders
    where account in (${sql.join(codes)}) and state in (${sql.join(OPEN_ORDER_STATES)})
      and not exists (select 1 from documents d where d.order_id = orders.id and d.kind = ${'invoice'})
    group by account`;

export async function readOpenOrders(em: EntityManager, codes: readonly string[]): Promise<Map<string, { value: number; count: number }>> {
  if (codes.length === 0) return new Map();
  const { rows } = await openOrdersSql(codes).execute(sqlOn(em));
  return new Map(rows.map((r) => [r.account, { value: Number(r.value ?? 0), count: Number(r.count) }]));
}

/** What the account owes and may still owe, with its parts; null when the account is not on file. */
export async function readExposure(em: EntityManager, code: string): Promise<AccountExposure | null> {
  const db = sqlOn(em);
  const { rows: accounts } = await sql<{ credit_limit: number; receivable: number }>`select credit_limit, receivable from accounts where code = ${code}`.execute(db);
  const account = accounts[0];
  if (!account) return null;
  const open = await readOpenOrders(em, [code]);
  // The breakdown reads the account's whole ledger: asked for by a person looking at one account, never on the hot path.
  const { rows: ledger } = await sql<{ kind: string; total: number | string }>`select kind, sum(amount) as total from account_ledger where account_code = ${code} group by kind`.execute(db);
  const total = (kind: string) => Number(ledger.find((l) => l.kind === kind)?.total ?? 0);
  const orders = open.get(code) ?? { value: 0, count: 0 };
  const receivable = Number(account.receivable);
  const exposure = orders.value + receivable;
  return {
    openOrderValue: orders.value,
    openOrderCount: orders.count,
    invoiced: total('invoice'),
    paid: -total('payment'),
    credited: -total('credit_note'),
    refunded: total('refund'),
    receivable,
    exposure,
    creditAvailable: Number(account.credit_limit) - exposure,
  };
}
