import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { announcement, type Announcement } from '../domain/announcement.ts';
import { OutboxRecord } from './outbox.entity.ts';

export interface PendingAnnouncement {
  /** Unique per announcement: its receiver uses it to act on a second delivery once only. */
  id: string;
  announcement: Announcement;
}

/** Adds the announcement to `em`'s unit of work, so it is committed with the change it announces, or not at all. */
export function addAnnouncement(em: EntityManager, what: Announcement, now = new Date()): PendingAnnouncement {
  const id = randomUUID();
  em.create(OutboxRecord, { id, announcement: what, createdAt: now, deliveredAt: null });
  return { id, announcement: what };
}

/** The oldest announcements not delivered yet. */
export async function pendingAnnouncements(em: EntityManager, limit: number): Promise<PendingAnnouncement[]> {
  const rows = await em.find(OutboxRecord, { deliveredAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  return rows.map((row) => ({ id: row.id, announcement: announcement.parse(row.announcement) }));
}

export async function markDelivered(em: EntityManager, id: string, now = new Date()): Promise<void> {
  await em.nativeUpdate(OutboxRecord, { id, deliveredAt: null }, { deliveredAt: now });
}
