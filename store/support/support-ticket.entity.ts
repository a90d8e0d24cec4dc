import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { TicketTopic } from '../../domain/support/support-ticket.ts';
import type { TicketStatus } from '../../domain/support/ticket-machine.ts';

/**
 * A customer's question about one order, raised from its tracking page, and where the support desk has it
 * (domain/support/ticket-machine.ts). `version` rises with each change, so a change made on a stale view is
 * refused. The queue reads (status, created_at).
 */
export const SupportTicketRecord = defineEntity({
  name: 'SupportTicketRecord',
  tableName: 'support_tickets',
  indexes: [{ properties: ['orderId', 'createdAt'] }, { properties: ['status', 'createdAt'] }],
  properties: {
    id: p.string().primary(),
    orderId: p.string(),
    topic: p.string().$type<TicketTopic>().default('other'),
    name: p.string(),
    contact: p.string(),
    message: p.text(),
    status: p.string().$type<TicketStatus>().default('open'),
    /** The user name of who has it. */
    assignee: p.string().nullable(),
    version: p.integer().default(0),
    createdAt: p.datetime(),
    updatedAt: p.datetime().nullable(),
  },
});
export type SupportTicketRecord = InferEntity<typeof SupportTicketRecord>;

/** A reply on a ticket after its first message: the desk's answer or the customer's reply; never changed. */
export const SupportTicketReplyRecord = defineEntity({
  name: 'SupportTicketReplyRecord',
  tableName: 'support_ticket_replies',
  indexes: [{ properties: ['ticketId', 'seq'] }],
  properties: {
    seq: p.integer().primary().autoincrement(),
    ticketId: p.string(),
    from: p.string().$type<'customer' | 'support'>(),
    author: p.string().nullable(),
    text: p.text(),
    createdAt: p.datetime(),
  },
});
export type SupportTicketReplyRecord = InferEntity<typeof SupportTicketReplyRecord>;
