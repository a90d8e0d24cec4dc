import type { EntityManager } from '@mikro-orm/sql';
import type { AccountOnFile } from '../../rules/account-facts.ts';
import { readOpenOrders } from './account-exposure.ts';
import { AccountRecord } from './account.entity.ts';

/**
 * The accounts on file among `codes`, as the decisions of their orders read them; with their open orders'
 * value when `withOpenOrders` (intake judges credit): for the test panel and the impact preview, which
 * build the facts of many orders at once.
 */
export async function readAccountsOnFile(em: EntityManager, codes: readonly string[], withOpenOrders: boolean): Promise<Map<string, AccountOnFile>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const accounts = await em.find(AccountRecord, { code: { $in: unique } });
  const open = withOpenOrders ? await readOpenOrders(em, accounts.map((a) => a.code)) : new Map<string, { value: number }>();
  return new Map(
    accounts.map((a) => [
      a.code,
      { code: a.code, majorAccount: a.majorAccount, paymentTerms: a.paymentTerms, creditLimit: a.creditLimit, receivable: a.receivable, ...(withOpenOrders ? { openOrderValue: open.get(a.code)?.value ?? 0 } : {}) },
    ]),
  );
}
