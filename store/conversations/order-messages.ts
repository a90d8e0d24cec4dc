import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { DRIVER_MENTION, type ConversationMessage, type ConversationPage, type MessageAuthor } from '../../domain/conversations/conversation.ts';
import { mentionedNames } from '../../domain/conversations/mentions.ts';
import { orderLink } from '../../domain/notification.ts';
import { insertAudit } from '../audit-log.ts';
import { inTransaction } from '../in-transaction.ts';
import { notifyPerson } from '../notifications/notifications.ts';
import { OrderRecord } from '../order.entity.ts';
import { dateOf, jsonOf, sqlOn, type DateColumn, type JsonColumn } from '../sql.ts';
import { UserRecord } from '../user.entity.ts';
import { liveDriverOfOrder } from './driver-mentions.ts';
import { OrderMessageRecord } from './order-message.entity.ts';

export interface NewMessage {
  orderId: string;
  author: MessageAuthor;
  text: string;
  /** How the audit log names the author. */
  actor: string;
  now: Date;
}

type MessageRow = { seq: number; orderId: string; authorKind: MessageAuthor['kind']; authorId: string; authorName: string; text: string; mentions: string[]; mentionedDriverId?: string | null; createdAt: Date };

const viewOf = (m: MessageRow): ConversationMessage => ({
  id: String(m.seq),
  orderId: m.orderId,
  author: { kind: m.authorKind, id: m.authorId, name: m.authorName },
  text: m.text,
  mentions: m.mentions,
  mentionedDriver: m.mentionedDriverId ?? null,
  createdAt: m.createdAt.toISOString(),
});

/**
 * Posts a message on an order's thread, with its audit entry and a notification to each person it mentions
 * (enabled accounts only; the author is not told of their own mention), all in one transaction. `@driver`
 * reaches the order's driver, who sees it unread on their trips (never a driver's own `@driver`). Null when
 * there is no such order.
 */
export async function postMessage(em: EntityManager, message: NewMessage): Promise<ConversationMessage | null> {
  return inTransaction(em, async (tx) => {
    const order = await tx.findOne(OrderRecord, { id: message.orderId }, { fields: ['id', 'reference'] });
    if (!order) return null;
    const names = mentionedNames(message.text);
    const people = names.length ? await tx.find(UserRecord, { username: { $in: names }, disabled: false }, { fields: ['id', 'username'] }) : [];
    const mentions = names.filter((name) => people.some((p) => p.username === name));
    const driver = names.includes(DRIVER_MENTION) ? await liveDriverOfOrder(tx, order.id) : null;
    const mentionedDriverId = driver && !(message.author.kind === 'driver' && message.author.id === driver) ? driver : null;
    const row = tx.create(OrderMessageRecord, {
      orderId: order.id,
      authorKind: message.author.kind,
      authorId: message.author.id,
      authorName: message.author.name,
      text: message.text,
      mentions,
      mentionedDriverId,
      createdAt: message.now,
    });
    await tx.flush();
    await insertAudit(tx, {
      dedupeKey: `conversation:${order.id}:message:${row.seq}`,
      // The order's conversation, not the order: its timeline is the order's states, and a message changes none.
      subjectType: 'conversation',
      subjectId: order.id,
      action: 'message',
      actor: message.actor,
      at: message.now,
      data: { messageId: row.seq, mentions, mentionedDriver: mentionedDriverId },
    });
    const reference = order.reference ?? order.id;
    for (const person of people) {
      if (message.author.kind === 'user' && person.id === message.author.id) continue;
      await notifyPerson(
        tx,
        {
          key: `mention:${row.seq}:${person.id}`,
          userId: person.id,
          kind: 'mentioned',
          title: `${message.author.name} mentioned you on order ${reference}`.slice(0, 200),
          text: message.text.slice(0, 1000),
          link: orderLink(order.id),
        },
        message.now,
      );
    }
    return viewOf(row);
  });
}

type Row = {
  seq: number;
  order_id: string;
  author_kind: MessageAuthor['kind'];
  author_id: string;
  author_name: string;
  text: string;
  mentions: JsonColumn<string[]>;
  mentioned_driver_id: string | null;
  created_at: DateColumn;
};

/** A page of an order's thread, newest first, before the message `before` (from the newest when absent). */
export async function listMessages(em: EntityManager, orderId: string, options: { before?: number; limit: number }): Promise<ConversationPage> {
  const { rows } = await sql<Row>`select seq, order_id, author_kind, author_id, author_name, text, mentions, mentioned_driver_id, created_at from order_messages
    where order_id = ${orderId} ${options.before === undefined ? sql`` : sql`and seq < ${options.before}`}
    order by seq desc limit ${options.limit + 1}`.execute(sqlOn(em));
  const page = rows.slice(0, options.limit);
  return {
    items: page.map((r) =>
      viewOf({ seq: Number(r.seq), orderId: r.order_id, authorKind: r.author_kind, authorId: r.author_id, authorName: r.author_name, text: r.text, mentions: jsonOf(r.mentions), mentionedDriverId: r.mentioned_driver_id, createdAt: dateOf(r.created_at) }),
    ),
    next: rows.length > options.limit ? String(page.at(-1)!.seq) : null,
  };
}
