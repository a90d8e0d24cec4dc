import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { OPEN_ORDER_STATES, type Account, type AccountCredit, type AccountProfilePatch, type AccountTier, type NewAccount } from '../../domain/account.ts';
import { inTransaction } from '../in-transaction.ts';
import { appendAudit } from '../audit-log.ts';
import { searchKeyOf } from '../order-search.ts';
import { sqlOn } from '../sql.ts';
import { readOpenOrders } from './account-exposure.ts';
import { AccountRecord } from './account.entity.ts';

function toAccount(a: AccountRecord, openOrderValue: number): Account {
  const creditExposure = openOrderValue + a.receivable;
  return {
    code: a.code,
    name: a.name,
    tier: a.tier as AccountTier,
    majorAccount: a.majorAccount,
    paymentTerms: a.paymentTerms,
    creditLimit: a.creditLimit,
    creditExposure,
    creditAvailable: a.creditLimit - creditExposure,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

async function withExposure(em: EntityManager, records: readonly AccountRecord[]): Promise<Account[]> {
  const open = await readOpenOrders(em, records.map((a) => a.code));
  return records.map((a) => toAccount(a, open.get(a.code)?.value ?? 0));
}

export async function findAccount(em: EntityManager, code: string): Promise<Account | null> {
  const found = await em.findOne(AccountRecord, { code });
  return found ? (await withExposure(em, [found]))[0]! : null;
}

/** A page of accounts by code, those whose code or name begins with `q` (any case) when given. */
export async function listAccounts(em: EntityManager, query: { q?: string | undefined; after?: string | undefined; limit: number }): Promise<{ accounts: Account[]; next: string | null }> {
  const key = query.q ? searchKeyOf(query.q) : null;
  const { rows } = await sql<{ code: string }>`select code from accounts
    where ${query.after === undefined ? sql`1 = 1` : sql`code > ${query.after}`}
      and ${key === null ? sql`1 = 1` : sql`((code_key >= ${key} and code_key < ${`${key}\u{10FFFF}`}) or (name_key >= ${key} and name_key < ${`${key}\u{10FFFF}`}))`}
    order by code limit ${query.limit + 1}`.execute(sqlOn(em));
  const codes = rows.slice(0, query.limit).map((r) => r.code);
  const records = codes.length === 0 ? [] : await em.find(AccountRecord, { code: { $in: codes } }, { orderBy: { code: 'asc' } });
  const accounts = await withExposure(em, records.sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code)));
  return { accounts, next: rows.length > query.limit ? codes.at(-1)! : null };
}

/** The tier of each account on file among `codes`: what an order of the account is ranked by. */
export async function readAccountTiers(em: EntityManager, codes: readonly string[]): Promise<Map<string, AccountTier>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const { rows } = await sql<{ code: string; tier: AccountTier }>`select code, tier from accounts where code in (${sql.join(unique)})`.execute(sqlOn(em));
  return new Map(rows.map((r) => [r.code, r.tier]));
}

/** False when an account has that code already. */
export async function createAccount(em: EntityManager, input: NewAccount, actor: string): Promise<boolean> {
  if (await em.findOne(AccountRecord, { code: input.code })) return false;
  em.create(AccountRecord, { ...input, nameKey: searchKeyOf(input.name) });
  appendAudit(em, { dedupeKey: `account-created:${randomUUID()}`, subjectType: 'account', subjectId: input.code, action: 'account_created', actor, data: { ...input } });
  await em.flush();
  return true;
}

/**
 * Gives the account's open orders its new tier, in the transaction that changes it. An order is ranked by
 * its account's tier (set at capture): the open ones move with the account, through the (account, state)
 * index, so the decisions and the release cycles that rank them read the same tier.
 */
export async function retierOpenOrders(tx: EntityManager, code: string, tier: AccountTier): Promise<void> {
  await sql`update orders set account_tier = ${tier} where account = ${code} and state in (${sql.join(OPEN_ORDER_STATES)})`.execute(sqlOn(tx));
}

/** Changes the account's profile or credit terms, audited with what changed; false when it is not on file. */
export async function updateAccount(em: EntityManager, code: string, change: AccountProfilePatch | AccountCredit, actor: string, action: 'account_changed' | 'account_credit_changed'): Promise<boolean> {
  return inTransaction(em, async (tx) => {
    const found = await tx.findOne(AccountRecord, { code });
    if (!found) return false;
    const before = Object.fromEntries(Object.keys(change).map((k) => [k, found[k as keyof AccountRecord]]));
    tx.assign(found, { ...change, ...('name' in change && change.name ? { nameKey: searchKeyOf(change.name) } : {}) });
    if ('tier' in change && change.tier && change.tier !== before.tier) await retierOpenOrders(tx, code, change.tier);
    appendAudit(tx, { dedupeKey: `${action}:${randomUUID()}`, subjectType: 'account', subjectId: code, action, actor, data: { before, after: change } });
    await tx.flush();
    return true;
  });
}
