import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, as the key. */
export const SessionRecord = defineEntity({
  name: 'SessionRecord',
  tableName: 'sessions',
  properties: {
    tokenHash: p.string().primary(),
    userId: p.string().index(),
    csrfToken: p.string(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
  },
});
export type SessionRecord = InferEntity<typeof SessionRecord>;
