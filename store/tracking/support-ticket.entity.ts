import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A customer's question about one order, raised from its tracking page. Answering it is the support desk's (#18). */
export const SupportTicketRecord = defineEntity({
  name: 'SupportTicketRecord',
  tableName: 'support_tickets',
  indexes: [{ properties: ['orderId', 'createdAt'] }],
  properties: {
    id: p.string().primary(),
    orderId: p.string(),
    name: p.string(),
    contact: p.string(),
    message: p.text(),
    createdAt: p.datetime(),
  },
});
export type SupportTicketRecord = InferEntity<typeof SupportTicketRecord>;
