import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { LedgerKind } from '../../domain/account.ts';
import { sqlOn } from '../sql.ts';

export interface LedgerPosting {
  accountCode: string;
  kind: LedgerKind;
  /** Signed: what the account owes more (an invoice) is positive, what it paid or was credited negative. */
  amount: number;
  /** What a person reads: the invoice's or credit note's number, the payment's bank reference. */
  reference: string;
  /** Names the fact, so a retried post adds nothing: `invoice:<number>`, `payment:<account>:<reference>`. */
  key: string;
  postedBy: string;
  at: Date;
}

/**
 * The one way money reaches an account's receivable: the entry and the account's balance in `tx`, the
 * transaction of the fact (an invoice issued, a payment recorded). The balance is one atomic
 * `receivable = receivable + amount`, so any number of posts at once, from any process, add up exactly; an
 * entry whose key is there already adds nothing. False when it was posted before, or the account is not on file.
 */
export async function postToAccount(tx: EntityManager, posting: LedgerPosting): Promise<boolean> {
  const db = sqlOn(tx);
  const { rows } = await sql`insert into account_ledger (id, account_code, kind, amount, reference, key, posted_by, posted_at)
    select ${randomUUID()}, code, ${posting.kind}, ${posting.amount}, ${posting.reference}, ${posting.key}, ${posting.postedBy}, ${posting.at}
    from accounts where code = ${posting.accountCode}
    on conflict (key) do nothing returning id`.execute(db);
  if (rows.length === 0) return false;
  await sql`update accounts set receivable = receivable + ${posting.amount}, updated_at = ${posting.at} where code = ${posting.accountCode}`.execute(db);
  return true;
}
