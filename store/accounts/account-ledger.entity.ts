import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { LedgerKind } from '../../domain/account.ts';

/**
 * The account's receivable as signed entries: an invoice adds, a payment or a credit note takes away.
 * Written only by postToAccount; `key` names the fact (an invoice's number, a payment's reference), so a
 * fact posted twice is one entry.
 */
export const AccountLedgerRecord = defineEntity({
  name: 'AccountLedgerRecord',
  tableName: 'account_ledger',
  properties: {
    id: p.string().primary(),
    accountCode: p.string(),
    kind: p.string().$type<LedgerKind>(),
    amount: p.float(),
    reference: p.string(),
    key: p.string().unique(),
    postedBy: p.string(),
    postedAt: p.datetime(),
  },
  indexes: [{ properties: ['accountCode', 'postedAt'] }],
});
export type AccountLedgerRecord = InferEntity<typeof AccountLedgerRecord>;
