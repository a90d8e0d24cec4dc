import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import type { AccountCredit, NewAccount } from '../../domain/account.ts';
import { appendAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { searchKeyOf } from '../order-search.ts';
import { AccountRecord } from './account.entity.ts';
import { retierOpenOrders } from './accounts.ts';

const CHUNK = 200;

/**
 * Adds or changes the accounts of an import by their code, two hundred per transaction, each chunk with
 * one audit entry naming the codes it added and changed. Credit is set only where the import carries it.
 */
export async function upsertAccounts(em: EntityManager, rows: readonly { account: NewAccount; credit: AccountCredit | null }[], actor: string): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const counts = await inTransaction(em, async (tx) => {
      const existing = new Map((await tx.find(AccountRecord, { code: { $in: chunk.map((r) => r.account.code) } })).map((a) => [a.code, a]));
      const added: string[] = [];
      const changed: string[] = [];
      for (const { account, credit } of chunk) {
        const fields = { ...account, nameKey: searchKeyOf(account.name), ...(credit ?? {}) };
        const found = existing.get(account.code);
        if (!found) {
          tx.create(AccountRecord, fields);
          added.push(account.code);
          continue;
        }
        if (found.tier !== account.tier) await retierOpenOrders(tx, account.code, account.tier);
        tx.assign(found, fields);
        changed.push(account.code);
      }
      appendAudit(tx, { dedupeKey: `accounts-imported:${randomUUID()}`, subjectType: 'account', subjectId: 'import', action: 'accounts_imported', actor, data: { added, changed } });
      await tx.flush();
      return { added: added.length, changed: changed.length };
    });
    created += counts.added;
    updated += counts.changed;
  }
  return { created, updated };
}
