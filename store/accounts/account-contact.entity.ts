import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A person at a customer: who to call or write to about its orders and invoices. */
export const AccountContactRecord = defineEntity({
  name: 'AccountContactRecord',
  tableName: 'account_contacts',
  properties: {
    id: p.string().primary(),
    accountCode: p.string().index(),
    name: p.string(),
    role: p.string().nullable(),
    email: p.string().nullable(),
    phone: p.string().nullable(),
    /** The email and phone as customer-service search finds them (contact-keys.ts), written with them. */
    emailKey: p.string().nullable().index(),
    phoneKey: p.string().nullable().index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type AccountContactRecord = InferEntity<typeof AccountContactRecord>;
