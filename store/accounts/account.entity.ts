import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { PaymentTerms } from '../../domain/account.ts';
import { searchKeyOf } from '../order-search.ts';

/** A customer account; an order's `account` names its code. */
export const AccountRecord = defineEntity({
  name: 'AccountRecord',
  tableName: 'accounts',
  properties: {
    code: p.string().primary(),
    name: p.string(),
    /** The code and name as the search compares them (searchKeyOf), for a prefix range of an index, as the orders' keys. */
    codeKey: p.string().ignoreSchemaChanges('collation').onCreate((a) => searchKeyOf(a.code)),
    nameKey: p.string().ignoreSchemaChanges('collation').onCreate((a) => searchKeyOf(a.name)),
    tier: p.string().default('standard'),
    majorAccount: p.boolean().default(false),
    paymentTerms: p.string().$type<PaymentTerms>().default('prepaid'),
    creditLimit: p.float().default(0),
    /**
     * The sum of the account's ledger (account_ledger), kept by postToAccount in the transaction of each entry
     * with one atomic update, so it is exact however many post at once and costs one row to read.
     */
    receivable: p.float().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['codeKey'] }, { properties: ['nameKey'] }],
});
export type AccountRecord = InferEntity<typeof AccountRecord>;
