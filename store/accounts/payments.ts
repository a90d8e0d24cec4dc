import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { LedgerEntry } from '../../domain/account.ts';
import { appendAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { dateOf, sqlOn, type DateColumn } from '../sql.ts';
import { postToAccount } from './post-to-account.ts';

/** A payment received, on the account's ledger and in the audit log in one transaction; the reference names it, once per account. */
export async function recordPayment(em: EntityManager, accountCode: string, payment: { amount: number; reference: string }, actor: string): Promise<LedgerEntry | 'no_account' | 'duplicate'> {
  const key = `payment:${accountCode}:${payment.reference}`;
  return inTransaction(em, async (tx) => {
    const { rows: found } = await sql`select 1 from accounts where code = ${accountCode}`.execute(sqlOn(tx));
    if (found.length === 0) return 'no_account';
    const at = new Date();
    if (!(await postToAccount(tx, { accountCode, kind: 'payment', amount: -payment.amount, reference: payment.reference, key, postedBy: actor, at }))) return 'duplicate';
    appendAudit(tx, { dedupeKey: key, subjectType: 'account', subjectId: accountCode, action: 'payment_recorded', actor, data: { amount: payment.amount, reference: payment.reference } });
    await tx.flush();
    const { rows } = await sql<{ id: string; posted_at: DateColumn }>`select id, posted_at from account_ledger where key = ${key}`.execute(sqlOn(tx));
    return { id: rows[0]!.id, accountCode, kind: 'payment', amount: -payment.amount, reference: payment.reference, postedAt: dateOf(rows[0]!.posted_at).toISOString(), postedBy: actor };
  });
}
