import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Announcement } from '../domain/announcement.ts';

/** Announcements written with the change they announce, until a relay has delivered them (store/outbox.ts). */
export const OutboxRecord = defineEntity({
  name: 'OutboxRecord',
  tableName: 'outbox',
  indexes: [{ properties: ['deliveredAt', 'createdAt'] }],
  properties: {
    id: p.string().primary(),
    announcement: p.json<Announcement>(),
    createdAt: p.datetime(),
    deliveredAt: p.datetime().nullable(),
  },
});
export type OutboxRecord = InferEntity<typeof OutboxRecord>;
