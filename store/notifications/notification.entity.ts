import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { NotificationKind } from '../../domain/notification.ts';
import type { Role } from '../../domain/roles.ts';

/**
 * A notification, addressed to one person (`userId`) or to a role (`role`): a role's notification is one
 * row however many people hold the role, and who has read it is kept per person (notification_reads,
 * notification_read_marks). `seq` orders them and pages them; `dedupeKey` makes the fact that causes one
 * write it once, however often its write is retried. `xactId` is the writing transaction's id on PostgreSQL,
 * where a higher seq can commit before a lower one; the live stream reads in commit order by it.
 */
export const NotificationRecord = defineEntity({
  name: 'NotificationRecord',
  tableName: 'notifications',
  indexes: [{ properties: ['userId', 'seq'] }, { properties: ['role', 'seq'] }, { properties: ['xactId', 'seq'] }],
  properties: {
    seq: p.integer().primary().autoincrement(),
    dedupeKey: p.string().unique(),
    userId: p.string().nullable(),
    role: p.string().$type<Role>().nullable(),
    kind: p.string().$type<NotificationKind>(),
    title: p.string(),
    text: p.string(),
    link: p.string(),
    createdAt: p.datetime(),
    xactId: p.bigint('number').default(0),
  },
});
export type NotificationRecord = InferEntity<typeof NotificationRecord>;

/** A person's read of one notification above their read mark. */
export const NotificationReadRecord = defineEntity({
  name: 'NotificationReadRecord',
  tableName: 'notification_reads',
  properties: {
    userId: p.string().primary(),
    notificationSeq: p.integer().primary(),
    readAt: p.datetime(),
  },
});
export type NotificationReadRecord = InferEntity<typeof NotificationReadRecord>;

/** "Mark all read": everything addressed to the person up to `readThrough` is read, one row however many that is. */
export const NotificationReadMarkRecord = defineEntity({
  name: 'NotificationReadMarkRecord',
  tableName: 'notification_read_marks',
  properties: {
    userId: p.string().primary(),
    readThrough: p.integer(),
    markedAt: p.datetime(),
  },
});
export type NotificationReadMarkRecord = InferEntity<typeof NotificationReadMarkRecord>;
