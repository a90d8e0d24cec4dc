import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { MessageAuthor } from '../../domain/conversations/conversation.ts';

/**
 * A message of an order's conversation. `seq` orders a thread and pages it (the (order_id, seq) index reads
 * one page of one order, however long its thread); messages are never edited or deleted, like the audit log.
 */
export const OrderMessageRecord = defineEntity({
  name: 'OrderMessageRecord',
  tableName: 'order_messages',
  // The second index counts a driver's unread mentions on the orders of their trips.
  indexes: [{ properties: ['orderId', 'seq'] }, { properties: ['mentionedDriverId', 'orderId'] }],
  properties: {
    seq: p.integer().primary().autoincrement(),
    orderId: p.string(),
    authorKind: p.string().$type<MessageAuthor['kind']>(),
    authorId: p.string(),
    authorName: p.string(),
    text: p.text(),
    mentions: p.json<string[]>(),
    /** The order's driver when the message says `@driver` (see domain/conversations/conversation.ts). */
    mentionedDriverId: p.string().nullable(),
    createdAt: p.datetime(),
  },
});
export type OrderMessageRecord = InferEntity<typeof OrderMessageRecord>;
